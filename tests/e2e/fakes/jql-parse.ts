// The JQL parser of the fakes: enough of the language for what the extension sends (its
// built-in lists, favourite filters, text search, a user's own JQL), and strict like Jira: an
// unknown field or function, or a syntax error, is a JqlError with Jira's wording.

/** A JQL refusal; `errorMessages` are Jira's words for it (the 400 body). */
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

/** A syntax error at character `at` (0-based), worded and positioned as Jira reports it. */
export function syntax(detail: string, at: number): JqlError {
  return new JqlError([`Error in the JQL Query: ${detail} (line 1, character ${at + 1})`]);
}

export type Value =
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

/** Parses `jql`; throws JqlError with Jira's message for an unknown field or function or a syntax error. */
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
