import { describe, expect, it } from 'vitest';
import { addComment, assignIssue, getTransitions, transitionIssue } from './issue-writes';
import { fakeTransport, json } from './testing';

const CLOUD = 'https://acme.atlassian.net';
const SERVER = 'https://jira.corp.example/jira';

const transport = fakeTransport;

const status = (name: string, key: string) => ({ name, statusCategory: { key } });
const transitions = {
  transitions: [
    { id: '21', name: 'Start progress', to: status('In Progress', 'indeterminate'), fields: {} },
    {
      id: '31',
      name: 'Done',
      to: status('Done', 'done'),
      fields: {
        resolution: {
          required: true,
          name: 'Resolution',
          key: 'resolution',
          schema: { type: 'resolution', system: 'resolution' },
          operations: ['set'],
          allowedValues: [{ id: '10000', name: 'Done' }],
        },
      },
    },
  ],
};

describe('getTransitions', () => {
  it('asks for the transitions of this issue with their screens’ fields', async () => {
    const { t, calls } = transport(CLOUD, { 'GET /rest/api/3/issue/ACME-7/transitions': json(transitions) });
    const options = await getTransitions(t, 'cloud', 'ACME-7');
    expect(options.map((o) => [o.id, o.to.name, o.fields.map((f) => f.id)])).toEqual([
      ['21', 'In Progress', []],
      ['31', 'Done', ['resolution']],
    ]);
    expect(calls[0]!.url.searchParams.get('expand')).toBe('transitions.fields');
  });
});

describe('transitionIssue', () => {
  it('looks the transition up for this issue again, then posts it once with the required fields', async () => {
    const { t, calls } = transport(CLOUD, {
      'GET /rest/api/3/issue/ACME-7/transitions': json(transitions),
      'POST /rest/api/3/issue/ACME-7/transitions': new Response(null, { status: 204 }),
    });
    await transitionIssue(t, 'cloud', 'ACME-7', '31', { resolution: '10000' });
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ transition: { id: '31' }, fields: { resolution: { id: '10000' } } });
    expect(post.headers['x-atlassian-token']).toBe('no-check');
  });

  it.each([
    ['a transition no longer offered', '99', {}, /no longer offers/],
    ['a required field left empty', '31', {}, /Resolution/],
  ])('refuses %s before sending anything', async (_name, id, values, message) => {
    const { t, calls } = transport(CLOUD, { 'GET /rest/api/3/issue/ACME-7/transitions': json(transitions) });
    await expect(transitionIssue(t, 'cloud', 'ACME-7', id, values)).rejects.toMatchObject({
      kind: 'invalid-input',
      message: expect.stringMatching(message),
    });
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('is never sent twice: a 429 or 503 on the write reaches the caller', async () => {
    const { t, calls } = transport(CLOUD, {
      'GET /rest/api/3/issue/ACME-7/transitions': json(transitions),
      'POST /rest/api/3/issue/ACME-7/transitions': [json({}, 429, { 'retry-after': '1' }), new Response(null, { status: 204 })],
    });
    await expect(transitionIssue(t, 'cloud', 'ACME-7', '21', {})).rejects.toMatchObject({ kind: 'rate-limited', retriesLeft: 0 });
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });
});

describe('addComment', () => {
  const created = (body: unknown) =>
    json({ id: '100', author: { displayName: 'Ann', accountId: 'a1' }, created: '2026-11-30T10:00:00.000+0000', body }, 201);

  it('Cloud: an ADF document (v3 refuses a string), and the comment as Jira stored it', async () => {
    const { t, calls } = transport(CLOUD, { 'POST /rest/api/3/issue/ACME-7/comment': created({ type: 'doc', version: 1, content: [] }) });
    const comment = await addComment(t, 'cloud', 'ACME-7', 'Looks **good**');
    expect(calls[0]!.body).toMatchObject({ body: { type: 'doc', version: 1 } });
    expect(comment).toMatchObject({ id: '100', author: { displayName: 'Ann' } });
  });

  it('Server/DC: wiki markup, and the rendered body back', async () => {
    const { t, calls } = transport(SERVER, { 'POST /jira/rest/api/2/issue/ACME-7/comment': created('Looks *good*') });
    await addComment(t, 'server', 'ACME-7', 'Looks **good**');
    expect(calls[0]!.body).toEqual({ body: 'Looks *good*' });
    expect(calls[0]!.url.searchParams.get('expand')).toBe('renderedBody');
  });

  it('refuses an empty comment before sending it', async () => {
    const { t, calls } = transport(CLOUD, {});
    await expect(addComment(t, 'cloud', 'ACME-7', '  \n ')).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(calls).toEqual([]);
  });
});

describe('assignIssue', () => {
  it.each([
    ['cloud', CLOUD, 'PUT /rest/api/3/issue/ACME-7/assignee', { accountId: 'a1' }, { accountId: 'a1' }],
    ['cloud', CLOUD, 'PUT /rest/api/3/issue/ACME-7/assignee', null, { accountId: null }],
    ['server', SERVER, 'PUT /jira/rest/api/2/issue/ACME-7/assignee', { name: 'bob' }, { name: 'bob' }],
    ['server', SERVER, 'PUT /jira/rest/api/2/issue/ACME-7/assignee', null, { name: null }],
  ] as const)('%s: PUT %j', async (deployment, base, route, to, body) => {
    const { t, calls } = transport(base, { [route]: new Response(null, { status: 204 }) });
    await assignIssue(t, deployment, 'ACME-7', to);
    expect(calls[0]!.method).toBe('PUT');
    expect(calls[0]!.body).toEqual(body);
  });
});
