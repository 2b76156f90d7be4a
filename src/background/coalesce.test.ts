import { describe, expect, it } from 'vitest';
import { coalesce } from './coalesce';

function gate() {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
}

describe('coalesce', () => {
  it('runs once at a time; calls meanwhile share one follow-up run', async () => {
    const gates = [gate(), gate()];
    let runs = 0;
    const run = coalesce(async () => {
      await gates[runs++]!.p;
    });
    const first = run();
    const [a, b, c] = [run(), run(), run()];
    expect(runs).toBe(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
    gates[0]!.open();
    await first;
    await Promise.resolve();
    expect(runs).toBe(2);
    gates[1]!.open();
    await Promise.all([a, b, c]);
    expect(runs).toBe(2);
    // Idle again: the next call runs at once.
    gates.push(gate());
    const later = run();
    expect(runs).toBe(3);
    gates[2]!.open();
    await later;
  });

  it('a failed run still lets the follow-up run, and its caller sees the failure', async () => {
    let runs = 0;
    const run = coalesce(async () => {
      runs++;
      if (runs === 1) throw new Error('Jira down');
    });
    const first = run();
    const next = run();
    await expect(first).rejects.toThrow('Jira down');
    await expect(next).resolves.toBeUndefined();
    expect(runs).toBe(2);
  });
});
