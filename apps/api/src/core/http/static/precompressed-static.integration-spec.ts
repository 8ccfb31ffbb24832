import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import {
  createTestDatabase,
  startTestApi,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';

const REPO = resolve(__dirname, '../../../../../..');

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they crossed the wire, not decoded. */
  body: Buffer;
}

/** node:http, not fetch: fetch decodes Content-Encoding and hides what was sent. */
function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

/**
 * The API serving a real production build of the inbox SPA, precompressed by the build step
 * (scripts/precompress.mjs), and a widget directory: each client gets the variant it accepts.
 */
describe('precompressed static files', () => {
  let db: TestDatabase;
  let api: TestApi;
  let inboxDir: string;
  let widgetDir: string;
  let mainScript: string;
  let original: Buffer;

  beforeAll(async () => {
    inboxDir = mkdtempSync(join(tmpdir(), 'sb-static-inbox-'));
    widgetDir = mkdtempSync(join(tmpdir(), 'sb-static-widget-'));
    // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const env = { ...process.env, NODE_ENV: 'production' };
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', inboxDir], {
      cwd: join(REPO, 'apps/inbox'),
      env,
    });
    const assets = readdirSync(join(inboxDir, 'assets'));
    // The entry chunk index.html loads: the largest first-load file.
    const entry = /src="\/(assets\/index-[^"]+\.js)"/.exec(
      readFileSync(join(inboxDir, 'index.html'), 'utf8'),
    );
    mainScript = entry?.[1] ?? 'index.html has no entry script';
    expect(assets).toContain(mainScript.slice('assets/'.length));
    original = readFileSync(join(inboxDir, mainScript));
    // A stable-URL script the customer's site embeds, as the widget build writes it.
    copyFileSync(join(inboxDir, mainScript), join(widgetDir, 'loader.js'));
    execFileSync(process.execPath, ['scripts/precompress.mjs', inboxDir, widgetDir], {
      cwd: REPO,
    });
    db = await createTestDatabase();
    api = await startTestApi({
      databaseUrl: db.url,
      env: { INBOX_DIST_DIR: inboxDir, WIDGET_DIST_DIR: widgetDir },
    });
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    for (const dir of [inboxDir, widgetDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sends brotli, gzip or the file as is, by Accept-Encoding, always the same bytes decoded', async () => {
    const url = `${api.baseUrl}/${mainScript}`;
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    const gzip = await get(url, { 'accept-encoding': 'gzip, deflate' });
    const refusedBr = await get(url, { 'accept-encoding': 'br;q=0, gzip;q=0.5' });
    const plain = await get(url);
    const identityOnly = await get(url, { 'accept-encoding': 'identity' });

    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(original)).toBe(true);
    expect(refusedBr.headers['content-encoding']).toBe('gzip');
    for (const identity of [plain, identityOnly]) {
      expect(identity.headers['content-encoding']).toBeUndefined();
      expect(identity.body.equals(original)).toBe(true);
    }
    // Smaller on the wire, in that order; each the type and cache policy of the original.
    expect(br.body.length).toBeLessThan(gzip.body.length);
    expect(gzip.body.length).toBeLessThan(original.length / 2);
    for (const r of [br, gzip, plain]) {
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(r.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(Number(r.headers['content-length'])).toBe(r.body.length);
      expect(r.headers['last-modified']).toBeDefined();
    }
    // Each variant its own validator, so no cache serves one for another.
    expect(new Set([br, gzip, plain].map((r) => r.headers['etag'])).size).toBe(3);
  });

  it('answers 304 to If-None-Match with the variant’s own ETag', async () => {
    const url = `${api.baseUrl}/${mainScript}`;
    const first = await get(url, { 'accept-encoding': 'br' });
    const again = await get(url, {
      'accept-encoding': 'br',
      'if-none-match': String(first.headers['etag']),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // The brotli ETag does not validate the gzip variant.
    const other = await get(url, {
      'accept-encoding': 'gzip',
      'if-none-match': String(first.headers['etag']),
    });
    expect(other.status).toBe(200);
    expect(other.headers['content-encoding']).toBe('gzip');
  });

  it('serves index.html uncached, compressed, with its CSP, also as the client-route fallback', async () => {
    const html = readFileSync(join(inboxDir, 'index.html'));
    for (const path of ['/', '/index.html', '/conversations/some-route']) {
      const r = await get(`${api.baseUrl}${path}`, {
        accept: 'text/html',
        'accept-encoding': 'gzip, br',
      });
      expect(r.status).toBe(200);
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers['content-type']).toMatch(/^text\/html/);
      expect(r.headers['content-security-policy']).toBeDefined();
      expect(r.headers['vary']).toMatch(/Accept-Encoding/i);
      // index.html is small; it is precompressed only when that saves bytes.
      const decoded =
        r.headers['content-encoding'] === 'br'
          ? brotliDecompressSync(r.body)
          : r.headers['content-encoding'] === 'gzip'
            ? gunzipSync(r.body)
            : r.body;
      expect(decoded.equals(html)).toBe(true);
    }
  });

  it('gives the widget loader’s stable URL a short, revalidated cache life', async () => {
    const r = await get(`${api.baseUrl}/widget/loader.js`, { 'accept-encoding': 'br' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(r.body).equals(original)).toBe(true);
    expect(r.headers['cache-control']).toBe('public, max-age=300, must-revalidate');
  });

  it('honours byte ranges only when sending the file as is', async () => {
    const url = `${api.baseUrl}/${mainScript}`;
    const plain = await get(url, { range: 'bytes=0-99' });
    expect(plain.status).toBe(206);
    expect(plain.body.equals(original.subarray(0, 100))).toBe(true);
    const encoded = await get(url, { range: 'bytes=0-99', 'accept-encoding': 'br' });
    expect(encoded.status).toBe(200);
    expect(brotliDecompressSync(encoded.body).equals(original)).toBe(true);
  });

  it('never hands out variants, build metadata or files outside the site', async () => {
    for (const path of [
      `/${mainScript}.br`,
      '/.vite/manifest.json',
      '/assets/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/widget/loader.js.gz',
    ]) {
      const r = await get(`${api.baseUrl}${path}`, { accept: 'application/javascript' });
      expect([r.status, path]).toEqual([404, path]);
    }
  });
});
