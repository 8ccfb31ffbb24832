// `npm run bench -- static`: what the inbox and the widget cost a browser on first load. Real
// Chromium against the production API serving the production builds, cold cache each run:
// the bytes that crossed the wire for the static files (not the API's JSON) and first
// (contentful) paint, with the precompressed variants and without them (the floor a server
// without compression gives), on loopback and on a throttled link. Writes its section into
// docs/benchmarks.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { startBenchApi } from './bench-api.mjs';
import { run } from '../lib/run.mjs';

const root = new URL('../..', import.meta.url).pathname;
process.chdir(root);
process.env.NX_DAEMON = 'false';
process.env.NX_NO_CLOUD = 'true';
const RUNS = Number(process.env.BENCH_STATIC_RUNS ?? 5);
const log = (...a) => console.log('[bench:static]', ...a);

/** Lighthouse's mobile profile: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip. */
const NETWORKS = {
  loopback: null,
  'throttled (1.6 Mbit/s, 150 ms RTT)': {
    offline: false,
    latency: 150,
    downloadThroughput: 1_600_000 / 8,
    uploadThroughput: 750_000 / 8,
  },
};
/** Chromium's own header, and one that refuses every coding (the uncompressed floor). */
const ENCODINGS = { compressed: null, uncompressed: 'identity' };

if (!process.env.BENCH_SKIP_BUILD) {
  const code = await run('npx', [
    'nx',
    'run-many',
    '-t',
    'build',
    '-p',
    'api',
    'inbox',
    'widget',
    '--outputStyle=static',
  ]);
  if (code !== 0) process.exit(code);
}
process.env.BENCH_SKIP_BUILD = '1';
process.env.INBOX_DIST_DIR = `${root}dist/apps/inbox`;
process.env.WIDGET_DIST_DIR = `${root}dist/apps/widget`;
const { base, auth, stop } = await startBenchApi('static');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

/** Static files only: the document and what it loads, not /api or socket.io. */
const STATIC_BYTES = `(() => {
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .filter((e) => !/\\/(api|socket\\.io)\\//.test(new URL(e.name).pathname));
  const sum = (key) => entries.reduce((n, e) => n + e[key], 0);
  return { files: entries.length, transferred: sum('transferSize'), body: sum('encodedBodySize'), decoded: sum('decodedBodySize') };
})()`;
const PAINTS = `new Promise((done) => {
  const read = () => Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
  const poll = () => (read()['first-contentful-paint'] ? done(read()) : setTimeout(poll, 20));
  poll();
})`;

async function openPage(network, encoding) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    extraHTTPHeaders: encoding ? { 'accept-encoding': encoding } : {},
  });
  const page = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  return { context, page };
}

/** A signed-in operator opening the inbox: the feed, as every working day starts. */
async function inboxFirstLoad(network, encoding) {
  const { context, page } = await openPage(network, encoding);
  const login = await context.request.post(`${base}/api/auth/login`, {
    data: { email: 'bench@switchboard.local', password: 'bench-password-1', session: 'cookie' },
  });
  if (!login.ok()) throw new Error(`login: ${login.status()}`);
  await page.goto(`${base}/`, { waitUntil: 'load' });
  const paints = await page.evaluate(PAINTS);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const bytes = await page.evaluate(STATIC_BYTES);
  await context.close();
  return { fp: paints['first-paint'], fcp: paints['first-contentful-paint'], ...bytes };
}

/** A visitor on a customer's page: the page with the loader, then a click on the bubble. */
async function widgetFirstLoad(network, encoding, inboxId) {
  const { context, page } = await openPage(network, encoding);
  await page.goto(`${base}/widget/demo/?inbox=${inboxId}`, { waitUntil: 'load' });
  const paints = await page.evaluate(PAINTS);
  const bubble = page.locator('[data-switchboard-widget] .sb-bubble');
  await bubble.waitFor();
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const beforeOpen = await page.evaluate(STATIC_BYTES);
  const clickedAt = await page.evaluate(() => performance.now());
  await bubble.click();
  // Ready: the chat UI replaced the loader's "Loading…" in the panel, and has painted.
  const readyAt = await page.evaluate(
    () =>
      new Promise((done) => {
        const check = () => {
          const panel = document
            .querySelector('[data-switchboard-widget]')
            ?.shadowRoot?.querySelector('.sb-panel');
          const child = panel?.firstElementChild;
          if (child && !child.classList.contains('sb-loading'))
            requestAnimationFrame(() => done(performance.now()));
          else setTimeout(check, 5);
        };
        check();
      }),
  );
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const all = await page.evaluate(STATIC_BYTES);
  await context.close();
  return {
    fp: paints['first-paint'],
    fcp: paints['first-contentful-paint'],
    open: readyAt - clickedAt,
    pageBytes: beforeOpen.transferred,
    ...all,
  };
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const summarise = (runs) =>
  Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));

const results = {};
try {
  const inbox = await (
    await fetch(`${base}/api/inboxes`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        kind: 'webchat',
        name: 'Bench chat',
        settings: { allowedOrigins: [base], greeting: 'Hello!' },
        secrets: { hmacSecret: 'bench-webchat-secret-0123456789abcdefghij' },
      }),
    })
  ).json();
  if (!inbox.id) throw new Error(`creating the web chat inbox: ${JSON.stringify(inbox)}`);
  for (const [network, conditions] of Object.entries(NETWORKS))
    for (const [encoding, header] of Object.entries(ENCODINGS)) {
      const key = `${network}|${encoding}`;
      const inboxRuns = [];
      const widgetRuns = [];
      for (let i = 0; i < RUNS; i++) {
        inboxRuns.push(await inboxFirstLoad(conditions, header));
        widgetRuns.push(await widgetFirstLoad(conditions, header, inbox.id));
      }
      results[key] = { inbox: summarise(inboxRuns), widget: summarise(widgetRuns) };
      log(key, JSON.stringify(results[key]));
    }
} finally {
  await browser.close();
  await stop({ dropDatabase: true });
}

// --- Report -------------------------------------------------------------------------------------
const kb = (n) => (Number.isFinite(n) ? `${(n / 1024).toFixed(1)} KiB` : 'n/a');
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : 'n/a');
const pct = (a, b) => `${((1 - a / b) * 100).toFixed(0)} %`;
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const net = Object.keys(NETWORKS);
const at = (network, encoding) => results[`${network}|${encoding}`];
const lo = { c: at(net[0], 'compressed'), u: at(net[0], 'uncompressed') };
const th = { c: at(net[1], 'compressed'), u: at(net[1], 'uncompressed') };
const row = (label, pick, fmt) =>
  `| ${label} | ${fmt(pick(lo.c))} | ${fmt(pick(lo.u))} | ${fmt(pick(th.c))} | ${fmt(pick(th.u))} |`;
const head = `| | loopback, compressed | loopback, uncompressed | ${net[1]}, compressed | ${net[1]}, uncompressed |
| --- | ---: | ---: | ---: | ---: |`;
// Bytes do not depend on the link: the loopback runs' figures.
const bytes = (label, pick) =>
  `| ${label} | ${kb(pick(lo.c))} | ${kb(pick(lo.u))} | ${pct(pick(lo.c), pick(lo.u))} |`;
const dirty = (() => {
  try {
    return execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
})();

const section = `<!-- bench-static:start -->
## First load of the inbox and the widget

Measured by \`npm run bench -- static\` on ${new Date().toISOString().slice(0, 10)} at commit ${commit}${dirty ? ' (with uncommitted changes)' : ''}: ${cpus().length} cores,
${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium (headless) and the production API on the same machine.
Production builds, precompressed at build time (\`scripts/precompress.mjs\`: brotli quality 11, gzip level 9)
and served by the API by \`Accept-Encoding\`. Each column is the median of ${RUNS} cold loads (a new browser
context each). "Uncompressed" sends \`Accept-Encoding: identity\`: what a server without compression sends,
the floor to compare with. Bytes are the static files only (document, scripts, styles; not the API's JSON),
as \`performance\` reports them: transferred includes headers. The throttled link is Lighthouse's mobile profile.

**Inbox**: a signed-in operator opens \`/\` (the feed). **Widget**: a visitor opens a customer's page
with the loader, then clicks the bubble, which loads chat.js.

| Static bytes transferred | compressed | uncompressed | saved |
| --- | ---: | ---: | ---: |
${bytes(`inbox first load (${lo.c.inbox.files} files)`, (r) => r.inbox.transferred)}
${bytes('widget: customer page + loader', (r) => r.widget.pageBytes)}
${bytes('widget: + chat.js after the click', (r) => r.widget.transferred)}

${head}
${row('inbox first paint', (r) => r.inbox.fp, ms)}
${row('inbox first contentful paint', (r) => r.inbox.fcp, ms)}
${row("widget: customer page's first contentful paint", (r) => r.widget.fcp, ms)}
${row('widget: click → chat painted', (r) => r.widget.open, ms)}

Compression cuts the inbox's static bytes by ${pct(lo.c.inbox.transferred, lo.u.inbox.transferred)} and the widget's by
${pct(lo.c.widget.transferred, lo.u.widget.transferred)}. On the throttled link the inbox's first
contentful paint goes from ${ms(th.u.inbox.fcp)} to ${ms(th.c.inbox.fcp)}; on loopback bytes cost next to nothing and the
difference is noise. Repeat visits cost only the revalidation of index.html (a 304): hashed files are cached for a year.
<!-- bench-static:end -->`;

const file = process.env.BENCH_DOC ?? 'docs/benchmarks.md';
let doc = existsSync(file)
  ? readFileSync(file, 'utf8')
  : '# Benchmarks\n\n<!-- bench:start -->\n<!-- bench:end -->\n';
doc = doc.includes('<!-- bench-static:start -->')
  ? doc.replace(/<!-- bench-static:start -->[\s\S]*<!-- bench-static:end -->/, () => section)
  : doc.replace('<!-- bench:end -->', `\n${section}\n<!-- bench:end -->`);
writeFileSync(file, doc);
await run('npx', ['prettier', '--write', file]);
console.log(section);
process.exit(0);
