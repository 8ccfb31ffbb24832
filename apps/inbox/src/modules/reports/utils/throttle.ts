export interface Throttled {
  /** Runs now if the last run is `waitMs` old, else once when it is (calls in between merge). */
  call: () => void;
  cancel: () => void;
}

/** At most one run per `waitMs`, and never a call lost: a burst ends with one trailing run. */
export function throttle(run: () => void, waitMs: number, now = () => Date.now()): Throttled {
  let lastRun = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    lastRun = now();
    run();
  };
  return {
    call: () => {
      if (timer) return;
      const wait = lastRun + waitMs - now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
