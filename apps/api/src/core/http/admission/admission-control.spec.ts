import { AdmissionControl } from './admission-control';

interface Entry {
  release: (() => void) | null;
  refusedWith: number | null;
  cancel: () => void;
}

/** Ends a granted request's work; fails the test if it was never granted. */
function finish(entry: Entry | undefined): void {
  if (!entry?.release) throw new Error('not granted');
  entry.release();
}

function enter(control: AdmissionControl): Entry {
  const entry: Entry = { release: null, refusedWith: null, cancel: () => undefined };
  entry.cancel = control.enter(
    (release) => (entry.release = release),
    (seconds) => (entry.refusedWith = seconds),
  );
  return entry;
}

describe('AdmissionControl', () => {
  afterEach(() => jest.useRealTimers());

  it('runs `concurrency` at once, queues up to `queue`, refuses the rest at once', () => {
    const control = new AdmissionControl({ concurrency: 2, queue: 1, maxWaitMs: 60_000 });
    const a = enter(control);
    const b = enter(control);
    const c = enter(control);
    const d = enter(control);
    expect(a.release && b.release).toBeTruthy();
    expect(c).toMatchObject({ release: null, refusedWith: null });
    expect(d.refusedWith).toBe(1);
    expect(control).toMatchObject({ active: 2, queued: 1, refused: 1 });

    finish(a);
    // The freed slot went straight to the queued request, never above the limit.
    expect(c.release).toBeTruthy();
    expect(control).toMatchObject({ active: 2, queued: 0 });
    finish(a); // a second release of the same slot changes nothing
    expect(control.active).toBe(2);
    finish(b);
    finish(c);
    expect(control).toMatchObject({ active: 0, queued: 0 });
  });

  it('refuses a newcomer whose expected wait exceeds the budget, with a Retry-After to match', () => {
    jest.useFakeTimers({ now: 0, doNotFake: ['nextTick'] });
    const control = new AdmissionControl({ concurrency: 1, queue: 100, maxWaitMs: 250 });
    // Teach it a service time of about 100 ms.
    for (let i = 0; i < 60; i++) {
      const e = enter(control);
      jest.advanceTimersByTime(100);
      finish(e);
    }
    expect(control.meanServiceMs).toBeGreaterThan(95);
    const running = enter(control);
    const waiting = [enter(control), enter(control)];
    expect(waiting.every((w) => w.refusedWith === null)).toBe(true);
    // A third in line would wait about 300 ms: over the 250 ms budget.
    expect(enter(control).refusedWith).toBe(1);
    finish(running);
    expect(waiting[0]?.release).toBeTruthy();
  });

  it('refuses newcomers at once while the head of the queue has waited past the budget', () => {
    jest.useFakeTimers({ now: 0, doNotFake: ['nextTick'] });
    // The first guess of the service time (10 ms) says a second waiter would wait 20 ms.
    const control = new AdmissionControl({ concurrency: 1, queue: 10, maxWaitMs: 100 });
    const running = enter(control);
    const first = enter(control);
    expect(first.refusedWith).toBeNull();
    // The running request is stuck: the queue does not drain as estimated.
    jest.advanceTimersByTime(150);
    expect(enter(control).refusedWith).toBe(1);
    expect(control.queued).toBe(1);
    finish(running);
    expect(first.release).toBeTruthy();
    // Drained: the door is open again.
    expect(enter(control).refusedWith).toBeNull();
  });

  it('refuses a queued request still waiting after 20 budgets, and forgets a cancelled one', () => {
    jest.useFakeTimers({ now: 0, doNotFake: ['nextTick'] });
    const control = new AdmissionControl({ concurrency: 1, queue: 10, maxWaitMs: 50 });
    const running = enter(control);
    const gone = enter(control);
    const stuck = enter(control);
    gone.cancel();
    expect(control.queued).toBe(1);
    jest.advanceTimersByTime(999);
    expect(stuck.refusedWith).toBeNull();
    jest.advanceTimersByTime(2);
    expect(stuck.refusedWith).toBe(1);
    expect(gone).toMatchObject({ release: null, refusedWith: null });
    expect(control.queued).toBe(0);
    finish(running);
    expect(control.active).toBe(0);
    // Neither the refused nor the cancelled request can take a slot later.
    expect(stuck.release).toBeNull();
  });
});
