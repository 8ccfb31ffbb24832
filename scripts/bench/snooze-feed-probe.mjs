// What the operator sees during a snooze storm: the API's counts and the open feed's first page,
// asked again and again from T on, as the inbox asks them. A due snooze counts as open from its
// time (DUE_SNOOZE_SQL), so the feed is back at the first look after T, whatever the sweeper's
// writes still have to do; the probe measures that, and what the storm costs each look.
import { performance } from 'node:perf_hooks';
import { percentile } from './load.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Looks at the counts and the first page of the open feed every `everyMs` until `done()`.
 * Returns when all `n` were first counted open (ms after T, from the look's start), the open count
 * at the last look before T, and each look's latency (p50 / p95 / max).
 */
export async function probeOpenFeed({ base, auth, T, n, done, everyMs = 250 }) {
  const get = async (path) => {
    const res = await fetch(`${base}${path}`, { headers: auth });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const countsMs = [];
  const pageMs = [];
  let openBeforeT = null;
  let allOpenAfterMs = null;
  let firstPageOpen = null;
  while (!done()) {
    const startedAt = Date.now();
    const t0 = performance.now();
    const counts = await get('/api/conversations/counts');
    const t1 = performance.now();
    const page = await get('/api/conversations?status=open&limit=50');
    const t2 = performance.now();
    if (startedAt < T) {
      // A look that ran into T read after it: only one that ended before T says what was before.
      if (Date.now() < T) openBeforeT = counts.open;
      await sleep(Math.min(everyMs, Math.max(0, T - Date.now())));
      continue;
    }
    countsMs.push(t1 - t0);
    pageMs.push(t2 - t1);
    if (allOpenAfterMs === null && counts.open >= n) {
      allOpenAfterMs = startedAt - T;
      firstPageOpen = page.items.filter((c) => c.status === 'open').length;
    }
    await sleep(everyMs);
  }
  const stats = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return {
      looks: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted[sorted.length - 1],
    };
  };
  return {
    openBeforeT,
    allOpenAfterMs,
    firstPageOpen,
    counts: stats(countsMs),
    page: stats(pageMs),
  };
}
