// The options page acts only on channel messages of exactly the declared shape, for a connection it knows.
import { describe, expect, it } from 'vitest';
import { parseOptionsAnswer, parseOptionsRequest } from './options-channel';

const known = new Set(['c-acme', 'c-dc']);
const intent = { kind: 'renew', connectionId: 'c-acme' };

describe('parseOptionsRequest', () => {
  it.each([
    ['an ask to renew', { type: 'ask', requestId: 'r1', intent }, { type: 'ask', requestId: 'r1', intent }],
    [
      'an ask to re-authenticate',
      { type: 'ask', requestId: 'r1', intent: { kind: 'reauth', connectionId: 'c-dc' } },
      { type: 'ask', requestId: 'r1', intent: { kind: 'reauth', connectionId: 'c-dc' } },
    ],
    [
      'an ask for a new connection',
      { type: 'ask', requestId: 'r1', intent: { kind: 'new' } },
      { type: 'ask', requestId: 'r1', intent: { kind: 'new' } },
    ],
    ['a go', { type: 'go', requestId: 'r1', pageId: 'p1', intent }, { type: 'go', requestId: 'r1', pageId: 'p1', intent }],
  ])('accepts %s', (_, data, expected) => {
    expect(parseOptionsRequest(data, known)).toEqual(expected);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'renew=c-acme'],
    ['an array', [intent]],
    ['an unknown type', { type: 'open', requestId: 'r1', intent }],
    ['an answer of another page', { type: 'here', requestId: 'r1', pageId: 'p1' }],
    ['an unknown connection', { type: 'ask', requestId: 'r1', intent: { kind: 'renew', connectionId: 'c-other' } }],
    ['a prefix of a known connection', { type: 'ask', requestId: 'r1', intent: { kind: 'renew', connectionId: 'c-ac' } }],
    ['an inherited key as the connection', { type: 'ask', requestId: 'r1', intent: { kind: 'renew', connectionId: 'constructor' } }],
    ['an unknown intent', { type: 'ask', requestId: 'r1', intent: { kind: 'capture' } }],
    ['a capture with a connection', { type: 'ask', requestId: 'r1', intent: { kind: 'new', connectionId: 'c-acme' } }],
    ['a connection id of the wrong type', { type: 'ask', requestId: 'r1', intent: { kind: 'renew', connectionId: 7 } }],
    ['an extra field in the intent', { type: 'ask', requestId: 'r1', intent: { ...intent, token: 'x' } }],
    ['an extra field in the message', { type: 'ask', requestId: 'r1', intent, url: 'https://evil.example' }],
    ['no request id', { type: 'ask', intent }],
    ['a request id with other characters', { type: 'ask', requestId: 'r 1/..', intent }],
    ['a request id too long', { type: 'ask', requestId: 'r'.repeat(101), intent }],
    ['a go without a page id', { type: 'go', requestId: 'r1', intent }],
    ['a go with a page id of the wrong type', { type: 'go', requestId: 'r1', pageId: {}, intent }],
    ['an ask with a page id', { type: 'ask', requestId: 'r1', pageId: 'p1', intent }],
  ])('refuses %s', (_, data) => {
    expect(parseOptionsRequest(data, known)).toBeUndefined();
  });
});

describe('parseOptionsAnswer', () => {
  it.each([
    ['here', { type: 'here', requestId: 'r1', pageId: 'p1' }],
    ['done', { type: 'done', requestId: 'r1', pageId: 'p1' }],
  ])('accepts %s for its request', (_, data) => {
    expect(parseOptionsAnswer(data, 'r1')).toEqual(data);
  });

  it.each([
    ['an answer to another request', { type: 'here', requestId: 'r2', pageId: 'p1' }],
    ['a request of another popup', { type: 'ask', requestId: 'r1', intent }],
    ['no page id', { type: 'done', requestId: 'r1' }],
    ['an extra field', { type: 'done', requestId: 'r1', pageId: 'p1', extra: 1 }],
    ['nothing', null],
  ])('refuses %s', (_, data) => {
    expect(parseOptionsAnswer(data, 'r1')).toBeUndefined();
  });
});
