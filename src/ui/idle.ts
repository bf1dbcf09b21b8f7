/**
 * Work nobody waits for (the header's share link), run when the page has painted what the user is waiting
 * for. Compressing a 400-object scenario takes about 20 ms; done on a timer it landed between an edit and the
 * graph that shows it.
 */
export interface Idle {
  /** Drops the work. */
  cancel(): void;
}

export function whenIdle(work: () => void, timeout = 1000): Idle {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    work();
  };
  const ric = typeof requestIdleCallback === 'function' ? requestIdleCallback : null;
  const handle = ric ? ric(run, { timeout }) : setTimeout(run, 0);
  return {
    cancel() {
      done = true;
      if (ric) cancelIdleCallback(handle as number);
      else clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
  };
}
