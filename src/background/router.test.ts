import type { Sender } from './senders';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '../shared/errors';
import { MESSAGE_TAG } from '../shared/protocol';
import { createRouter, type HandlerTable } from './router';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
const page: Sender = { id: 'ext-id', origin: self.origin, url: `${self.origin}/src/options/index.html` };
const tokenPage: Sender = {
  id: 'ext-id',
  origin: 'https://id.atlassian.com',
  url: 'https://id.atlassian.com/manage-profile/security/api-tokens',
  frameId: 0,
  tab: { id: 3, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
};

function setup() {
  const list = vi.fn(async () => ({ connections: [], defaultId: null }));
  const status = vi.fn(async () => ({ pending: null }));
  const del = vi.fn(async () => ({ revokeUrl: null }));
  const boom = vi.fn(async () => {
    throw new Error('GET https://x/rest?token=ATATT3secret failed');
  });
  const table = {
    'connections.list': { senders: ['extension-page'], payload: z.strictObject({}), handle: list },
    'capture.status': { senders: ['token-page'], payload: z.strictObject({}), handle: status },
    'connections.delete': { senders: ['extension-page'], payload: z.strictObject({ id: z.string().min(1) }), handle: del },
    'connections.check': { senders: ['extension-page'], payload: z.strictObject({ id: z.string() }), handle: boom },
    'connections.setDefault': {
      senders: ['extension-page'],
      payload: z.strictObject({ id: z.string() }),
      handle: async () => {
        throw new AppError({ kind: 'not-found', message: 'gone' });
      },
    },
  } as unknown as HandlerTable;
  return { route: createRouter(table, self), list, status, del };
}

const msg = (name: string, payload: unknown = {}) => ({ tag: MESSAGE_TAG, name, payload });

describe('router', () => {
  it('dispatches a valid request from an allowed sender', async () => {
    const { route, list } = setup();
    expect(await route(msg('connections.list'), page)).toEqual({ ok: true, value: { connections: [], defaultId: null } });
    expect(list).toHaveBeenCalledOnce();
  });

  it.each([
    ['the token page asking for connections', msg('connections.list'), tokenPage, 'rejected-sender'],
    ['the token page deleting a connection', msg('connections.delete', { id: 'a' }), tokenPage, 'rejected-sender'],
    ['an extension page using a content-script request', msg('capture.status'), page, 'rejected-sender'],
    ['another extension', msg('connections.list'), { ...page, id: 'evil' }, 'rejected-sender'],
    ['an unknown request', msg('connections.export'), page, 'unknown-request'],
    ['a prototype key as name', msg('__proto__'), page, 'unknown-request'],
    ['toString as name', msg('toString'), page, 'unknown-request'],
    ['a message without our tag', { name: 'connections.list', payload: {} }, page, 'unknown-request'],
    ['a string message', 'connections.list', page, 'unknown-request'],
    ['null', null, page, 'unknown-request'],
    ['an extra payload key', msg('connections.delete', { id: 'a', url: 'https://evil' }), page, 'invalid-input'],
    ['a wrong payload type', msg('connections.delete', { id: 5 }), page, 'invalid-input'],
  ])('rejects %s', async (_name, message, sender, kind) => {
    const { route, list, status, del } = setup();
    const reply = await route(message, sender as Sender);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.kind).toBe(kind);
    expect(list).not.toHaveBeenCalled();
    expect(status).not.toHaveBeenCalled();
    expect(del).not.toHaveBeenCalled();
  });

  it('checks the sender before looking at the payload', async () => {
    const { route } = setup();
    const reply = await route(msg('connections.delete', { bogus: true }), { ...tokenPage, id: 'evil' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'rejected-sender' } });
  });

  it('passes AppErrors through and hides unexpected errors', async () => {
    const { route } = setup();
    expect(await route(msg('connections.setDefault', { id: 'x' }), page)).toEqual({
      ok: false,
      error: { kind: 'not-found', message: 'gone' },
    });
    const hidden = await route(msg('connections.check', { id: 'x' }), page);
    expect(hidden).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(hidden)).not.toContain('ATATT3');
  });
});
