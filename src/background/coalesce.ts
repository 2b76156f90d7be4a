// One run of a task at a time; calls made while it runs share a single follow-up run (they may
// carry news the running one started too early to see, e.g. a connection just saved).
// Only de-duplication lives here: a service worker that dies drops it with its requests.

/** Wraps `task` so that one run goes at a time and calls during a run share one follow-up run. */
export function coalesce(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let followUp: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const run = task().finally(() => {
      if (running === run) running = undefined;
    });
    running = run;
    return run;
  };
  return () => {
    if (!running) return start();
    followUp ??= running
      .catch(() => undefined)
      .then(() => {
        followUp = undefined;
        return start();
      });
    return followUp;
  };
}
