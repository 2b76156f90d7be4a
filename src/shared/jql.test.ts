import { describe, expect, it } from 'vitest';
import {
  ASSIGNED_OPEN_JQL,
  escapeLucene,
  filterJql,
  jiraFilterUrl,
  jiraIssueUrl,
  jiraSearchUrl,
  jqlForList,
  jqlString,
  orderByOf,
  textSearchJql,
} from './jql';

describe('jqlString', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['" OR project = X OR "', '"\\" OR project = X OR \\""'],
    ['two\nlines', '"two lines"'],
  ])('%j -> %s', (input, expected) => {
    expect(jqlString(input)).toBe(expected);
  });
});

describe('textSearchJql', () => {
  it('quotes plain words, and also asks for the last one as a prefix (Jira matches whole words; this is typed as you go)', () => {
    expect(textSearchJql('  login bug ')).toBe('text ~ "login bug" OR text ~ "login bug*" ORDER BY updated DESC');
    expect(textSearchJql('Checko')).toBe('text ~ "Checko" OR text ~ "checko*" ORDER BY updated DESC');
    expect(textSearchJql('Größe')).toBe('text ~ "Größe" OR text ~ "größe*" ORDER BY updated DESC');
    expect(textSearchJql('a+b Issues')).toBe('text ~ "a\\\\+b Issues" OR text ~ "a\\\\+b issues*" ORDER BY updated DESC');
  });
  it('no prefix where Jira would refuse or it would match nearly everything, nor after a special character', () => {
    expect(textSearchJql('login b')).toBe('text ~ "login b" ORDER BY updated DESC');
    expect(textSearchJql('a')).toBe('text ~ "a" ORDER BY updated DESC');
    expect(textSearchJql('what?')).toBe('text ~ "what\\\\?" ORDER BY updated DESC');
    expect(textSearchJql('utf-8')).toBe('text ~ "utf\\\\-8" ORDER BY updated DESC');
  });
  it('escapes Lucene specials twice over (Lucene backslash, then JQL backslash)', () => {
    expect(textSearchJql('[example]')).toBe('text ~ "\\\\[example\\\\]" ORDER BY updated DESC');
    expect(escapeLucene('a+b (c)? d*')).toBe('a\\+b \\(c\\)\\? d\\*');
  });
  it('cannot close the string or inject a clause', () => {
    const jql = textSearchJql('x" OR assignee = "bob');
    expect(jql).toBe('text ~ "x\\\\\\" or assignee = \\\\\\"bob" ORDER BY updated DESC');
    // Every quote inside is preceded by an odd number of backslashes: the literal never ends early.
    const inner = jql.slice('text ~ "'.length, jql.lastIndexOf('" ORDER'));
    for (const m of inner.matchAll(/(\\*)"/g)) expect(m[1]!.length % 2).toBe(1);
  });
  it('escapes a trailing backslash', () => {
    expect(textSearchJql('a\\')).toBe('text ~ "a\\\\\\\\" ORDER BY updated DESC');
  });
});

describe('user text in text search stays text (docs/jira-api.md#jql-text-search)', () => {
  // What Lucene receives once the JQL literal is read: JQL's own escapes undone.
  const luceneOf = (jql: string): string[] => [...jql.matchAll(/text ~ "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
  // Every operator character carries a backslash, and no operator word is left in capitals.
  const operatorsLeft = (lucene: string): string[] => {
    const bare = lucene.replace(/\\./g, ' ');
    return [
      ...(bare.match(/[+\-&|!(){}[\]^"~*?:\\/]/g) ?? []),
      ...(bare.match(/(?<![\p{L}\p{N}_])(AND|OR|NOT|TO)(?![\p{L}\p{N}_])/gu) ?? []),
    ];
  };

  it.each([
    ['login OR crash', 'login or crash'],
    ['NOT done', 'not done'],
    ['a AND b', 'a and b'],
    ['[1 TO 5]', '\\[1 to 5\\]'],
    ['cats && dogs', 'cats \\&\\& dogs'],
    ['cats || dogs', 'cats \\|\\| dogs'],
    ['!urgent', '\\!urgent'],
    ['-draft +final', '\\-draft \\+final'],
    ['(a OR b)', '\\(a or b\\)'],
    ['"exact phrase"', '\\"exact phrase\\"'],
    ['title:x', 'title\\:x'],
    ['boost^2 fuzzy~', 'boost\\^2 fuzzy\\~'],
    ['*wild ca?', '\\*wild ca\\?'],
    ['path/to\\file', 'path\\/to\\\\file'],
    ['ORDER BY key', 'ORDER BY key'],
    ['ANDROID ORACLE NOTE TOKEN', 'ANDROID ORACLE NOTE TOKEN'],
    ['and or not', 'and or not'],
  ])('escapeLucene(%j) is %j', (typed, lucene) => {
    expect(escapeLucene(typed)).toBe(lucene);
  });

  it.each([
    'login OR crash',
    'NOT done',
    'x" OR assignee = "bob',
    'a\\" OR 1=1 OR text ~ "',
    '(a OR b) AND NOT c',
    '&& || ! + - ~ ^ * ? : / \\ { } [ ] ( )',
    'trailing backslash \\',
    'crash OR',
    'TO',
  ])('%j: every clause is one text literal with no operator left', (typed) => {
    const jql = textSearchJql(typed);
    // The query keeps its shape: one or two text clauses, then the order.
    expect(jql).toMatch(/^text ~ "(?:[^"\\]|\\.)*"(?: OR text ~ "(?:[^"\\]|\\.)*")? ORDER BY updated DESC$/);
    for (const lucene of luceneOf(jql)) expect(operatorsLeft(lucene.replace(/\*$/, ''))).toEqual([]);
  });

  it('keeps the typed words, so the search still finds them', () => {
    expect(textSearchJql('Login OR Crash')).toBe('text ~ "Login or Crash" OR text ~ "Login or crash*" ORDER BY updated DESC');
    expect(textSearchJql('crash OR')).toBe('text ~ "crash or" OR text ~ "crash or*" ORDER BY updated DESC');
  });
});

describe('jqlForList', () => {
  it.each([
    [{ kind: 'assigned' } as const, ASSIGNED_OPEN_JQL],
    [{ kind: 'reported' } as const, 'reporter = currentUser() ORDER BY updated DESC'],
    [{ kind: 'watching' } as const, 'watcher = currentUser() ORDER BY updated DESC'],
    [{ kind: 'recent' } as const, 'issuekey in issueHistory() ORDER BY lastViewed DESC'],
    [{ kind: 'filter', filterId: '10042', name: 'Mine' } as const, 'filter = 10042'],
    [{ kind: 'saved', queryId: 'q', name: 'Q', jql: ' project = ACME ' } as const, 'project = ACME'],
    [{ kind: 'jql', jql: 'order by created' } as const, 'order by created'],
  ])('%j', (list, jql) => {
    expect(jqlForList(list)).toBe(jql);
  });
  it('assigned means open: status category not Done', () => {
    expect(ASSIGNED_OPEN_JQL).toBe('assignee = currentUser() AND statusCategory != Done ORDER BY updated DESC');
  });
  it('refuses a non-numeric filter id', () => {
    expect(() => jqlForList({ kind: 'filter', filterId: '1 OR x', name: '' })).toThrow();
  });
});

describe('web URLs', () => {
  it('encodes the JQL of a search', () => {
    expect(jiraSearchUrl('https://acme.atlassian.net', 'a = "b c"')).toBe('https://acme.atlassian.net/issues/?jql=a%20%3D%20%22b%20c%22');
  });
  it('keeps a context path', () => {
    expect(jiraIssueUrl('https://jira.acme.test/jira/', 'ACME-7')).toBe('https://jira.acme.test/jira/browse/ACME-7');
  });
});

describe('a favourite filter in its own order', () => {
  it.each([
    ['project = OPS ORDER BY updated DESC', 'ORDER BY updated DESC'],
    ['project = OPS order   by\n priority DESC, key ASC', 'ORDER BY priority DESC, key ASC'],
    ['ORDER BY created', 'ORDER BY created'],
    ['(project = OPS)ORDER BY rank', 'ORDER BY rank'],
    ['summary ~ "order by x" ORDER BY key', 'ORDER BY key'],
    ["summary ~ 'a \\' order by b' AND x = 1", undefined],
    ['summary ~ "order by x"', undefined],
    ['reorder by = 1', undefined],
    ['project = OPS', undefined],
    ['summary ~ "x"ORDER BY key', 'ORDER BY key'],
    ['project = OPS ORDER BY ', undefined],
  ])('orderByOf(%j) is %j', (jql, order) => {
    expect(orderByOf(jql)).toBe(order);
  });

  it('adds the order to `filter = ID`, and opens the filter itself in Jira', () => {
    expect(filterJql('10101', 'ORDER BY updated DESC')).toBe('filter = 10101 ORDER BY updated DESC');
    expect(filterJql('10101')).toBe('filter = 10101');
    expect(() => filterJql('1 OR 1=1')).toThrow();
    expect(jiraFilterUrl('https://jira.corp.example/jira/', '12000')).toBe('https://jira.corp.example/jira/issues/?filter=12000');
  });
});
