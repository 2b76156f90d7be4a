// Work that must not compete with the popup's first paint (a message to the background loads the
// messaging module; images start a dozen loads): it waits until the first frame is on screen.

/** Runs `fn` once the first frame has been presented (two frames on), or after 200 ms at most. */
export function afterFirstPaint(fn: () => void): void {
  let done = false;
  const run = () => {
    if (!done) {
      done = true;
      fn();
    }
  };
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(run, 0)));
  setTimeout(run, 200);
}
