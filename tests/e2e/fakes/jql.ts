// The JQL evaluator of the fakes: filters and sorts a site's issues as the caller may see
// them, strict like Jira (an unknown value is a JqlError with Jira's wording).
import { JqlError, parseJql, type Node, type ParsedJql, type SortKey, type Value } from './jql-parse';
import { stem, textQuery, textWords } from './jql-text';
import type { FakeFilter, FakeIssue, FakeUser } from './seed';

export { JqlError, parseJql, type ParsedJql } from './jql-parse';

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
      // every word required unless an unescaped OR says any; NOT / - / ! exclude; a leading
      // wildcard is refused. A substring matches nothing.
      const queries = vals.map((v) => textQuery(v ?? ''));
      return (i) => {
        // `text` also searches the comments, as Jira's does.
        const all = () => [i.summary, i.description, ...i.comments.map((c) => c.text)].join(' ');
        const hay = field === 'summary' ? i.summary : field === 'description' ? i.description : all();
        const words = textWords(hay);
        // A prefix meets the index's stemmed words, unstemmed itself (Lucene does not analyse a
        // wildcard term): "issues*" misses "issues" (indexed "issue").
        const has = (t: { word: string; prefix: boolean }) =>
          words.some((w) => (t.prefix ? stem(w).startsWith(t.word) : stem(w) === stem(t.word)));
        const hit = queries.every(({ terms, anyOf }) => {
          const wanted = terms.filter((t) => !t.negated);
          if (terms.some((t) => t.negated && has(t))) return false;
          return anyOf ? wanted.length === 0 || wanted.some(has) : wanted.every(has);
        });
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
