import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors';
import { recordFailure } from '../connection-status';
import type { JiraTransport } from '../jira/transport';
import { MemoryStorageArea } from '../storage/area';
import { Store } from '../storage/store';
import { connection } from '../../../tests/unit/fixtures';
import { withJira } from './jira-access';

function setup(state: 'ok' | 'unreachable' | 'captcha' = 'ok') {
  const store = new Store(
    new MemoryStorageArea({ connections: [connection('c1', { status: { state, checkedAt: 1 } })], secrets: { c1: 'tok' } }),
  );
  return { store, deps: { store, transport: () => ({}) as JiraTransport } };
}
const status = async (store: Store) => (await store.connection('c1'))!.status.state;

describe('withJira', () => {
  it('marks a connection OK again after a call succeeds', async () => {
    const { store, deps } = setup('unreachable');
    await withJira(deps, 'c1', async () => 7);
    expect(await status(store)).toBe('ok');
  });

  it('a slow success does not undo a rejection recorded while it was under way', async () => {
    const { store, deps } = setup();
    // The badge's count was sent; meanwhile the token is revoked and a check records it.
    await withJira(deps, 'c1', async () => {
      await new Promise((r) => setTimeout(r, 5));
      await recordFailure('c1', new AppError({ kind: 'auth', message: 'Jira rejected the API token.' }), store);
      return 7;
    });
    expect(await status(store)).toBe('token-rejected');
    // Later calls refuse to send the rejected token (no lockout by polling).
    await expect(withJira(deps, 'c1', async () => 7)).rejects.toMatchObject({ kind: 'auth' });
  });

  it("a user's Try again that succeeds after a CAPTCHA login resumes what the failure stopped (the badge)", async () => {
    const { store, deps } = setup('captcha');
    const onRecovered = vi.fn(async () => undefined);
    await expect(withJira({ ...deps, onRecovered }, 'c1', async () => 7)).rejects.toMatchObject({ kind: 'captcha' });
    expect(onRecovered).not.toHaveBeenCalled();
    expect(await withJira({ ...deps, onRecovered }, 'c1', async () => 7, { force: true })).toBe(7);
    expect(await status(store)).toBe('ok');
    expect(onRecovered).toHaveBeenCalledExactlyOnceWith('c1');
    // Further successes on a connection already OK: nothing to resume.
    await withJira({ ...deps, onRecovered }, 'c1', async () => 7);
    expect(onRecovered).toHaveBeenCalledTimes(1);
  });

  it('a success after a network failure has nothing to resume (polling never stopped for it), and nothing waits for a resume', async () => {
    const { deps } = setup('unreachable');
    const onRecovered = vi.fn(async () => undefined);
    await withJira({ ...deps, onRecovered }, 'c1', async () => 7);
    expect(onRecovered).not.toHaveBeenCalled();

    const captcha = setup('captcha');
    let finished = false;
    const slow = () =>
      new Promise<void>((r) =>
        setTimeout(() => {
          finished = true;
          r();
        }, 50),
      );
    expect(await withJira({ ...captcha.deps, onRecovered: slow }, 'c1', async () => 7, { force: true })).toBe(7);
    expect(finished).toBe(false);
  });
});
