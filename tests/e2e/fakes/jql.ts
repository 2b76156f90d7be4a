// A small JQL parser and evaluator: enough of the language for what the extension sends
// (its built-in lists, favourite filters, text search, a user's own JQL), and strict like
// Jira: an unknown field, function or value, or a syntax error is a 400 with Jira's wording.
import type { FakeIssue, FakeFilter, FakeUser } from './seed';

export class JqlError extends Error {
  constructor(readonly errorMessages: string[]) {
    super(errorMessages.join(' '));
  }
}

type Tok = { t: 'str' | 'word' | 'op' | 'punct'; v: string; at: number };

function tokenize(jql: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < jql.length && jql[j] !== c) {
        if (jql[j] === '\\' && j + 1 < jql.length) j++;
        s += jql[j];
        j++;
      }
      if (j >= jql.length) throw syntax(`The quoted string '${s}' has not been completed.`, i);
      out.push({ t: 'str', v: s, at: i });
      i = j + 1;
    } else if (/[(),]/.test(c)) {
      out.push({ t: 'punct', v: c, at: i });
      i++;
    } else if (/[=!~<>]/.test(c)) {
      const two = jql.slice(i, i + 2);
      const op = ['!=', '!~', '>=', '<='].includes(two) ? two : c;
      if (op === '!') throw syntax(`Expecting an operator but got '!'.`, i);
      out.push({ t: 'op', v: op, at: i });
      i += op.length;
    } else if (/[A-Za-z0-9_.\-@+]/.test(c)) {
      let j = i;
      while (j < jql.length && /[A-Za-z0-9_.\-@+]/.test(jql[j]!)) j++;
      out.push({ t: 'word', v: jql.slice(i, j), at: i });
      i = j;
    } else {
      throw syntax(
        `The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}' instead.`,
        i,
      );
    }
  }
  return out;
}

function syntax(detail: string, at: number): JqlError {
  return new JqlError([`Error in the JQL Query: ${detail} (line 1, character ${at + 1})`]);
}

type Value =
  | { kind: 'lit'; v: string }
  | { kind: 'empty' }
  | { kind: 'fn'; name: string; args: string[] }
  | { kind: 'list'; items: Value[] };

export type Node =
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; node: Node }
  | { kind: 'clause'; field: string; op: string; value: Value };

export interface SortKey {
  field: string;
  desc: boolean;
}

export interface ParsedJql {
  where: Node | null;
  orderBy: SortKey[];
}

const FIELDS = new Set([
  'assignee',
  'reporter',
  'watcher',
  'issuekey',
  'key',
  'id',
  'statuscategory',
  'status',
  'resolution',
  'project',
  'text',
  'summary',
  'description',
  'type',
  'issuetype',
  'priority',
  'filter',
  'request',
  'savedfilter',
  'searchrequest',
  'updated',
  'created',
]);
const SORT_FIELDS = new Set(['updated', 'created', 'key', 'issuekey', 'priority', 'status', 'lastviewed', 'rank', 'summary', 'id']);
const FUNCTIONS = new Set(['currentuser', 'issuehistory', 'now']);
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'empty', 'null', 'order', 'by', 'asc', 'desc']);

export function parseJql(jql: string): ParsedJql {
  const toks = tokenize(jql);
  let p = 0;
  const peek = () => toks[p];
  const isWord = (w: string, tok = peek()) => tok?.t === 'word' && tok.v.toLowerCase() === w;
  const end = () => p >= toks.length;
  const describe = (tok: Tok | undefined) => (tok ? `'${tok.v}'` : 'the end of the query');
  const at = (tok: Tok | undefined) => tok?.at ?? jql.length;

  function parseOr(): Node {
    let left = parseAnd();
    while (isWord('or')) {
      p++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  }
  function parseAnd(): Node {
    let left = parseNot();
    while (isWord('and')) {
      p++;
      left = { kind: 'and', left, right: parseNot() };
    }
    return left;
  }
  function parseNot(): Node {
    if (isWord('not')) {
      p++;
      return { kind: 'not', node: parseNot() };
    }
    const tok = peek();
    if (tok?.t === 'punct' && tok.v === '(') {
      p++;
      const inner = parseOr();
      const close = peek();
      if (close?.t !== 'punct' || close.v !== ')') throw syntax(`Expecting ')' but got ${describe(close)}.`, at(close));
      p++;
      return inner;
    }
    return parseClause();
  }
  function parseClause(): Node {
    const tok = peek();
    if (!tok || (tok.t !== 'word' && tok.t !== 'str') || (tok.t === 'word' && KEYWORDS.has(tok.v.toLowerCase()))) {
      throw syntax(`Expecting a field name but got ${describe(tok)}.`, at(tok));
    }
    p++;
    const field = tok.v.toLowerCase();
    if (!FIELDS.has(field)) throw new JqlError([`Field '${tok.v}' does not exist or you do not have permission to view it.`]);
    const opTok = peek();
    let op: string;
    if (opTok?.t === 'op') {
      op = opTok.v;
      p++;
    } else if (isWord('in')) {
      op = 'in';
      p++;
    } else if (isWord('not') && isWord('in', toks[p + 1])) {
      op = 'not in';
      p += 2;
    } else if (isWord('is')) {
      p++;
      if (isWord('not')) {
        p++;
        op = 'is not';
      } else op = 'is';
    } else {
      throw syntax(
        `Expecting operator but got ${describe(opTok)}. Valid operators are '=', '!=', '~', '!~', '>', '>=', '<', '<=', 'in', 'not in', 'is', 'is not'.`,
        at(opTok),
      );
    }
    const value = parseValue();
    if ((op === 'in' || op === 'not in') && value.kind !== 'list' && value.kind !== 'fn') {
      throw syntax(`Expecting '(' but got ${describe(toks[p - 1])}.`, at(toks[p - 1]));
    }
    if ((op === 'is' || op === 'is not') && value.kind !== 'empty') {
      throw syntax(`Expecting 'EMPTY' or 'NULL' after 'is'.`, at(toks[p - 1]));
    }
    return { kind: 'clause', field: field === 'issuekey' ? 'key' : field, op, value };
  }
  function parseValue(): Value {
    const tok = peek();
    if (!tok) throw syntax(`Expecting either a value, list or function but got the end of the query.`, jql.length);
    if (tok.t === 'punct' && tok.v === '(') {
      p++;
      const items: Value[] = [];
      for (;;) {
        items.push(parseValue());
        const sep = peek();
        if (sep?.t === 'punct' && sep.v === ',') {
          p++;
          continue;
        }
        if (sep?.t === 'punct' && sep.v === ')') {
          p++;
          break;
        }
        throw syntax(`Expecting ',' or ')' but got ${describe(sep)}.`, at(sep));
      }
      return { kind: 'list', items };
    }
    if (tok.t === 'str') {
      p++;
      return { kind: 'lit', v: tok.v };
    }
    if (tok.t === 'word') {
      const lower = tok.v.toLowerCase();
      if (lower === 'empty' || lower === 'null') {
        p++;
        return { kind: 'empty' };
      }
      if (KEYWORDS.has(lower)) throw syntax(`Expecting either a value, list or function but got '${tok.v}'.`, tok.at);
      p++;
      const next = peek();
      if (next?.t === 'punct' && next.v === '(') {
        if (!FUNCTIONS.has(lower)) throw new JqlError([`Unable to find JQL function '${tok.v}()'.`]);
        p++;
        const args: string[] = [];
        while (!(peek()?.t === 'punct' && peek()!.v === ')')) {
          const a = peek();
          if (!a) throw syntax(`Expecting ')' but got the end of the query.`, jql.length);
          p++;
          if (a.t !== 'punct') args.push(a.v);
        }
        p++;
        return { kind: 'fn', name: lower, args };
      }
      return { kind: 'lit', v: tok.v };
    }
    throw syntax(`Expecting either a value, list or function but got '${tok.v}'.`, tok.at);
  }

  let where: Node | null = null;
  if (!end() && !isWord('order')) where = parseOr();
  const orderBy: SortKey[] = [];
  if (isWord('order')) {
    p++;
    if (!isWord('by')) throw syntax(`Expecting 'by' but got ${describe(peek())}.`, at(peek()));
    p++;
    for (;;) {
      const f = peek();
      if (!f || f.t === 'punct' || f.t === 'op') throw syntax(`Expecting a field name but got ${describe(f)}.`, at(f));
      p++;
      const field = f.v.toLowerCase();
      if (!SORT_FIELDS.has(field)) throw new JqlError([`Not able to sort using field '${f.v}'.`]);
      let desc = false;
      if (isWord('desc')) {
        desc = true;
        p++;
      } else if (isWord('asc')) p++;
      orderBy.push({ field: field === 'issuekey' ? 'key' : field, desc });
      if (peek()?.t === 'punct' && peek()!.v === ',') {
        p++;
        continue;
      }
      break;
    }
  }
  if (!end()) throw syntax(`Expecting either 'OR' or 'AND' but got ${describe(peek())}.`, at(peek()));
  return { where, orderBy };
}

export interface JqlContext {
  /** The caller's user id (accountId or username), null when anonymous. */
  currentUser: string | null;
  users: FakeUser[];
  issues: FakeIssue[];
  filters: FakeFilter[];
  history: Record<string, string[]>;
  now: number;
}

const CATEGORY_NAMES: Record<string, string> = {
  new: 'new',
  'to do': 'new',
  '2': 'new',
  indeterminate: 'indeterminate',
  'in progress': 'indeterminate',
  '4': 'indeterminate',
  done: 'done',
  complete: 'done',
  '3': 'done',
};

function literals(value: Value, field: string, ctx: JqlContext): (string | null)[] {
  switch (value.kind) {
    case 'empty':
      return [null];
    case 'lit':
      return [value.v];
    case 'list':
      return value.items.flatMap((v) => literals(v, field, ctx));
    case 'fn':
      if (value.name === 'currentuser') return ctx.currentUser ? [ctx.currentUser] : ['\u0000anonymous'];
      if (value.name === 'issuehistory') return (ctx.currentUser && ctx.history[ctx.currentUser]) || [];
      throw new JqlError([`Function '${value.name}' is not supported for field '${field}'.`]);
  }
}

function resolveUser(v: string | null, field: string, ctx: JqlContext): string | null {
  if (v === null || v === '\u0000anonymous') return v;
  const u = ctx.users.find(
    (x) => x.id === v || x.email.toLowerCase() === v.toLowerCase() || x.displayName.toLowerCase() === v.toLowerCase() || x.key === v,
  );
  if (!u) throw new JqlError([`The value '${v}' does not exist for the field '${field}'.`]);
  return u.id;
}

function parseWhen(v: string, ctx: JqlContext, field: string): number {
  const rel = /^([-+]?)(\d+)([wdhm])$/.exec(v);
  if (rel) {
    const unit = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 }[rel[3] as 'w' | 'd' | 'h' | 'm'];
    return ctx.now + (rel[1] === '-' ? -1 : 1) * Number(rel[2]) * unit;
  }
  const t = Date.parse(v);
  if (Number.isNaN(t)) {
    throw new JqlError([
      `Date value '${v}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
    ]);
  }
  return t;
}

/** Compiles a clause into a predicate; validates values once, so errors come even with no issues. */
function compileClause(node: Extract<Node, { kind: 'clause' }>, ctx: JqlContext, depth: number): (i: FakeIssue) => boolean {
  const { field, op, value } = node;
  const vals = literals(value, field, ctx);
  const positive = op === '=' || op === 'in' || op === 'is' || op === '~';
  const supported = (ops: string[]) => {
    if (!ops.includes(op)) throw new JqlError([`The operator '${op}' is not supported by the '${field}' field.`]);
  };
  const eqOps = ['=', '!=', 'in', 'not in', 'is', 'is not'];
  const member = (get: (i: FakeIssue) => string | null, wanted: (string | null)[]) => (i: FakeIssue) => {
    const hit = wanted.includes(get(i));
    return positive ? hit : !hit;
  };
  switch (field) {
    case 'assignee':
    case 'reporter': {
      supported(eqOps);
      const ids = vals.map((v) => resolveUser(v, field, ctx));
      return member((i) => (field === 'assignee' ? i.assignee : i.reporter), ids);
    }
    case 'watcher': {
      supported(eqOps);
      const ids = vals.map((v) => resolveUser(v, field, ctx));
      return (i) => {
        const hit = ids.some((id) => (id === null ? i.watchers.length === 0 : i.watchers.includes(id)));
        return positive ? hit : !hit;
      };
    }
    case 'key':
    case 'id': {
      supported([...eqOps, '>', '<', '>=', '<=']);
      if (value.kind !== 'fn') {
        for (const v of vals) {
          if (v !== null && !ctx.issues.some((i) => i.key.toLowerCase() === v.toLowerCase() || i.id === v)) {
            throw new JqlError([`An issue with key '${v}' does not exist for field '${field === 'id' ? 'id' : 'key'}'.`]);
          }
        }
      }
      const wanted = vals.map((v) => v?.toLowerCase() ?? null);
      return (i) => {
        const hit = wanted.includes(i.key.toLowerCase()) || wanted.includes(i.id);
        return positive ? hit : !hit;
      };
    }
    case 'statuscategory': {
      supported(eqOps);
      const cats = vals.map((v) => {
        if (v === null) return null;
        const c = CATEGORY_NAMES[v.toLowerCase()];
        if (!c) throw new JqlError([`The value '${v}' does not exist for the field 'statusCategory'.`]);
        return c;
      });
      return member((i) => i.status.category, cats);
    }
    case 'status':
    case 'type':
    case 'issuetype':
    case 'priority':
    case 'project':
    case 'resolution': {
      supported(eqOps);
      const label = field === 'issuetype' ? 'issuetype' : field;
      const candidates = (i: FakeIssue): string[] => {
        switch (field) {
          case 'status':
            return [i.status.name, i.status.id];
          case 'type':
          case 'issuetype':
            return [i.type.name, i.type.id];
          case 'priority':
            return [i.priority.name, i.priority.id];
          case 'project':
            return [i.project.key, i.project.name, i.project.id];
          default:
            return i.resolution ? [i.resolution] : ['unresolved'];
        }
      };
      const known = new Set(ctx.issues.flatMap(candidates).map((s) => s.toLowerCase()));
      if (field === 'resolution') known.add('unresolved');
      const wanted = vals.map((v) => {
        if (v === null) return field === 'resolution' ? 'unresolved' : null;
        if (!known.has(v.toLowerCase())) throw new JqlError([`The value '${v}' does not exist for the field '${label}'.`]);
        return v.toLowerCase();
      });
      return (i) => {
        const mine = candidates(i).map((s) => s.toLowerCase());
        const hit = wanted.some((w) => w !== null && mine.includes(w));
        return positive ? hit : !hit;
      };
    }
    case 'text':
    case 'summary':
    case 'description': {
      supported(['~', '!~']);
      // As Jira's Lucene index: whole words (with a light plural stem), `word*` for a prefix,
      // every word required; a leading wildcard is refused. A substring matches nothing.
      const terms = vals.flatMap((v) => textTerms(v ?? ''));
      return (i) => {
        const hay = field === 'summary' ? i.summary : field === 'description' ? i.description : `${i.summary} ${i.description}`;
        const words = textWords(hay);
        // A prefix meets the index's stemmed words, unstemmed itself (Lucene does not analyse a
        // wildcard term): "issues*" misses "issues" (indexed "issue").
        const hit = terms.every((t) => words.some((w) => (t.prefix ? stem(w).startsWith(t.word) : stem(w) === stem(t.word))));
        return positive ? hit : !hit;
      };
    }
    case 'filter':
    case 'request':
    case 'savedfilter':
    case 'searchrequest': {
      supported(eqOps);
      if (depth > 5) throw new JqlError(['Filter references are nested too deeply.']);
      const preds = vals.map((v) => {
        // Only filters the caller may see: their own, or one shared with them (the seed marks a
        // shared filter by the users who starred it). Another user's private filter is unknown.
        const visible = ctx.filters.filter(
          (x) => ctx.currentUser !== null && (x.owner === ctx.currentUser || x.favouriteOf.includes(ctx.currentUser)),
        );
        const f = visible.find((x) => x.id === v || x.name.toLowerCase() === (v ?? '').toLowerCase());
        if (!f) throw new JqlError([`The value '${v}' does not exist for the field 'filter'.`]);
        const parsed = parseJql(f.jql);
        return parsed.where ? compile(parsed.where, ctx, depth + 1) : () => true;
      });
      return (i) => {
        const hit = preds.some((pr) => pr(i));
        return positive ? hit : !hit;
      };
    }
    case 'updated':
    case 'created': {
      supported(['=', '!=', '>', '<', '>=', '<=']);
      const t = parseWhen(vals[0] ?? '', ctx, field);
      return (i) => {
        const v = field === 'updated' ? i.updated : i.created;
        switch (op) {
          case '>':
            return v > t;
          case '<':
            return v < t;
          case '>=':
            return v >= t;
          case '<=':
            return v <= t;
          case '=':
            return v === t;
          default:
            return v !== t;
        }
      };
    }
    default:
      throw new JqlError([`Field '${field}' does not exist or you do not have permission to view it.`]);
  }
}

function compile(node: Node, ctx: JqlContext, depth = 0): (i: FakeIssue) => boolean {
  switch (node.kind) {
    case 'and': {
      const l = compile(node.left, ctx, depth);
      const r = compile(node.right, ctx, depth);
      return (i) => l(i) && r(i);
    }
    case 'or': {
      const l = compile(node.left, ctx, depth);
      const r = compile(node.right, ctx, depth);
      return (i) => l(i) || r(i);
    }
    case 'not': {
      const n = compile(node.node, ctx, depth);
      return (i) => !n(i);
    }
    case 'clause':
      return compileClause(node, ctx, depth);
  }
}

function compareBy(key: SortKey, ctx: JqlContext): (a: FakeIssue, b: FakeIssue) => number {
  const history = (ctx.currentUser && ctx.history[ctx.currentUser]) || [];
  const value = (i: FakeIssue): number | string => {
    switch (key.field) {
      case 'updated':
        return i.updated;
      case 'created':
        return i.created;
      case 'priority':
        return -Number(i.priority.id); // DESC = Highest first
      case 'status':
        return i.status.name;
      case 'summary':
        return i.summary;
      case 'lastviewed': {
        const at = history.indexOf(i.key);
        return at < 0 ? -Infinity : -at; // DESC = most recently viewed first
      }
      default:
        return Number(i.id);
    }
  };
  return (a, b) => {
    const va = value(a);
    const vb = value(b);
    const c = va < vb ? -1 : va > vb ? 1 : 0;
    return key.desc ? -c : c;
  };
}

/** Filters and sorts the context's issues; throws JqlError with Jira's messages. */
export function runJql(parsed: ParsedJql, ctx: JqlContext): FakeIssue[] {
  const pred = parsed.where ? compile(parsed.where, ctx) : () => true;
  const keys: SortKey[] = parsed.orderBy.length ? parsed.orderBy : [{ field: 'key', desc: true }];
  const cmps = keys.map((k) => compareBy(k, ctx));
  return ctx.issues.filter(pred).sort((a, b) => {
    for (const c of cmps) {
      const r = c(a, b);
      if (r) return r;
    }
    return Number(b.id) - Number(a.id);
  });
}

/** The words of a text as Jira's index holds them: lower case, split at anything not a letter or digit. */
function textWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const stem = (w: string) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w);

/** A `text ~` literal as Lucene reads it: backslash escapes, words, and `word*` prefixes. */
function textTerms(literal: string): { word: string; prefix: boolean }[] {
  const terms: { word: string; prefix: boolean }[] = [];
  for (const raw of literal.split(/\s+/).filter(Boolean)) {
    // A `*` or `?` not escaped by a backslash is a wildcard.
    const wild = /(^|[^\\])[*?]/.exec(raw);
    if (wild && wild.index + wild[1]!.length === 0) {
      throw new JqlError([`The text query '${literal}' for field 'text' is not allowed to start with a wildcard.`]);
    }
    const prefix = /[^\\]\*$/.test(raw);
    const plain = raw.replace(/\*$/, '').replace(/\\(.)/g, '$1');
    const words = textWords(plain);
    for (const [n, word] of words.entries()) terms.push({ word, prefix: prefix && n === words.length - 1 });
  }
  return terms;
}
