// The demo's Jira: the browser tests' fakes (tests/e2e/fakes), as strict as Jira, on one local
// HTTPS port, with the demo's words and pictures (seed.ts, images.ts). The demo never calls
// reset(): that would bring the tests' seed back.
import { startFakeServers, type FakeServers } from '../../tests/e2e/fakes/server';
import { drawDemoImages } from './images';
import { dressAcme, renameIssues } from './seed';

export type DemoFakes = FakeServers;

export interface DemoFakesOptions {
  /**
   * The token page issues the same tokens on every run (for pictures that do not change from
   * one run to the next). They are still real tokens of the fake accounts.
   */
  fixedTokens?: boolean;
}

/** Starts the fakes: acme.atlassian.net and beta (Cloud), jira.acme-corp.test/jira, id.atlassian.com. */
export async function startDemoFakes(opts: DemoFakesOptions = {}): Promise<DemoFakes> {
  const fakes = await startFakeServers();
  dressAcme(fakes.acme);
  renameIssues(fakes.beta.data.issues);
  renameIssues(fakes.server.data.issues);
  for (const site of [fakes.acme, fakes.beta, fakes.server]) drawDemoImages(site);
  if (opts.fixedTokens) {
    // Accounts.issue() adds Math.random() to a counter to pick a new token: a constant instead
    // makes the n-th token of a run the same on every run.
    const issue = fakes.accounts.issue.bind(fakes.accounts);
    fakes.accounts.issue = (email, o) => {
      const random = Math.random;
      Math.random = () => 0;
      try {
        return issue(email, o);
      } finally {
        Math.random = random;
      }
    };
  }
  return fakes;
}
