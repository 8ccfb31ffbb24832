import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FIXTURE_ACCOUNT_SID, FIXTURE_AUTH_TOKEN } from '../../fixtures/twilio-webhooks';
import { fetchTwilioMedia, MEDIA_GONE_MESSAGE, type MediaFetchOptions } from './fetch-twilio-media';

const BASIC = `Basic ${Buffer.from(`${FIXTURE_ACCOUNT_SID}:${FIXTURE_AUTH_TOKEN}`).toString('base64')}`;
const MEDIA_PATH = `/2010-04-01/Accounts/${FIXTURE_ACCOUNT_SID}/Messages/MM1/Media/ME1`;
const BYTES = Buffer.from('\x89PNG fake image bytes');

const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const options = (
  apiOrigin: string | null,
  extra: Partial<MediaFetchOptions> = {},
): MediaFetchOptions => ({
  apiOrigin,
  accountSid: FIXTURE_ACCOUNT_SID,
  authToken: FIXTURE_AUTH_TOKEN,
  timeoutMs: 5000,
  ...extra,
});

describe('fetchTwilioMedia', () => {
  it('sends the credentials to Twilio and not to the storage it redirects to', async () => {
    const seen: { path: string; auth: string | undefined }[] = [];
    const record = (req: IncomingMessage) =>
      seen.push({ path: req.url ?? '', auth: req.headers.authorization });
    const storage = await listen((req, res) => {
      record(req);
      res.writeHead(200, { 'content-type': 'image/png' }).end(BYTES);
    });
    const api = await listen((req, res) => {
      record(req);
      if (req.headers.authorization !== BASIC) res.writeHead(401).end();
      // A hop on Twilio first, then out to its storage.
      else if (req.url === MEDIA_PATH) res.writeHead(307, { location: '/hop' }).end();
      else res.writeHead(302, { location: `${storage}/bucket/ME1?sig=abc` }).end();
    });
    const result = await fetchTwilioMedia(`${api}${MEDIA_PATH}`, options(api));
    expect(result).toEqual({ ok: true, content: BYTES, contentType: 'image/png' });
    expect(seen).toEqual([
      { path: MEDIA_PATH, auth: BASIC },
      { path: '/hop', auth: BASIC },
      { path: '/bucket/ME1?sig=abc', auth: undefined },
    ]);
  });

  it('rewrites a real Twilio media URL to the configured origin', async () => {
    const api = await listen((req, res) => {
      res.writeHead(req.url === MEDIA_PATH ? 200 : 404, { 'content-type': 'audio/ogg' }).end(BYTES);
    });
    const result = await fetchTwilioMedia(`https://api.twilio.com${MEDIA_PATH}`, options(api));
    expect(result).toMatchObject({ ok: true, contentType: 'audio/ogg' });
  });

  it('refuses URLs outside Twilio without calling them', async () => {
    let called = false;
    const elsewhere = await listen((_req, res) => {
      called = true;
      res.end();
    });
    const api = 'http://127.0.0.1:1';
    expect(await fetchTwilioMedia(`${elsewhere}/x`, options(api))).toMatchObject({
      ok: false,
      error: { code: 'CONFIG_INVALID' },
    });
    expect(await fetchTwilioMedia('https://example.test/x', options(null))).toMatchObject({
      ok: false,
      error: { code: 'CONFIG_INVALID' },
    });
    expect(await fetchTwilioMedia('file:///etc/passwd', options(api))).toMatchObject({
      ok: false,
      error: { code: 'CONFIG_INVALID' },
    });
    expect(called).toBe(false);
  });

  it('says expired media is gone for good, and a Twilio outage is worth retrying', async () => {
    const gone = await listen((_req, res) => res.writeHead(404).end());
    expect(await fetchTwilioMedia(`${gone}${MEDIA_PATH}`, options(gone))).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED', message: MEDIA_GONE_MESSAGE, retryable: false },
    });
    const down = await listen((_req, res) => res.writeHead(503).end());
    expect(await fetchTwilioMedia(`${down}${MEDIA_PATH}`, options(down))).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', retryable: true },
    });
    const refused = await listen(() => undefined);
    const server = servers.pop() as Server;
    await new Promise((resolve) => server.close(resolve));
    expect(await fetchTwilioMedia(`${refused}${MEDIA_PATH}`, options(refused))).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
  });

  it('reports rejected credentials', async () => {
    const api = await listen((_req, res) => res.writeHead(401).end());
    expect(await fetchTwilioMedia(`${api}${MEDIA_PATH}`, options(api))).toMatchObject({
      ok: false,
      error: { code: 'AUTH_FAILED' },
    });
  });

  it('stops at the size cap, announced or streamed', async () => {
    const big = Buffer.alloc(2048, 1);
    const announced = await listen((_req, res) => res.writeHead(200).end(big));
    expect(
      await fetchTwilioMedia(`${announced}${MEDIA_PATH}`, options(announced, { maxBytes: 1024 })),
    ).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    const streamed = await listen((_req, res) => {
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      res.write(big.subarray(0, 1000));
      res.end(big.subarray(1000));
    });
    expect(
      await fetchTwilioMedia(`${streamed}${MEDIA_PATH}`, options(streamed, { maxBytes: 1024 })),
    ).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });

  it('gives up on a redirect loop', async () => {
    const api = await listen((req, res) => res.writeHead(302, { location: req.url }).end());
    expect(await fetchTwilioMedia(`${api}${MEDIA_PATH}`, options(api))).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringContaining('redirects') },
    });
  });
});
