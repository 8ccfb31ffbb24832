import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { InboxDto } from '@switchboard/contracts';
import {
  createTestDatabase,
  eventually,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { StoredFileEntity } from '../../core/storage/entities/stored-file.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { WebchatUploadClaimEntity } from './entities/webchat-upload-claim.entity';
import { WebchatUsageCounterEntity } from './entities/webchat-usage-counter.entity';
import { WidgetLimitsService } from './services/widget-limits.service';
import { WidgetVisitorClient, type ConnectRefusal } from './testing/widget-visitor-client';

const SHOP = 'https://shop.example';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** A PNG of `size` bytes: the signature the server sniffs, then padding. */
function png(size: number): Buffer {
  return Buffer.concat([PNG, Buffer.alloc(Math.max(0, size - PNG.length), 7)]);
}

/**
 * Counts in this suite live in one-minute windows; a burst that straddles a minute would be split
 * across two. Start bursts early in a minute.
 */
async function startOfMinute(): Promise<void> {
  const second = new Date().getUTCSeconds();
  if (second > 45) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
}

function filesIn(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const path = join(dir, name);
    return n + (statSync(path).isDirectory() ? filesIn(path) : 1);
  }, 0);
}

/**
 * The public widget's limits, with small numbers: messages per minute and uploads per day per
 * visitor and per network (IPv6 by /64), concurrent sockets, the visitor token checked before an
 * upload's body is read, and a retried upload that stores no second file.
 */
describe('web chat widget limits', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let inbox: InboxDto;
  let network = 0;
  /** A visitor on a network of their own unless told otherwise (the API trusts loopback proxies). */
  const visitor = async (forwardedFor = `198.51.100.${++network}`) => {
    const v = new WidgetVisitorClient(api.baseUrl, inbox.id, SHOP);
    v.forwardedFor = forwardedFor;
    await v.session();
    return v;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({
      databaseUrl: db.url,
      env: {
        WIDGET_MESSAGES_PER_MINUTE_PER_VISITOR: '3',
        WIDGET_MESSAGES_PER_MINUTE_PER_IP: '5',
        WIDGET_UPLOADS_PER_DAY_PER_VISITOR: '2',
        WIDGET_UPLOAD_BYTES_PER_DAY_PER_VISITOR: '3000',
        WIDGET_UPLOADS_PER_DAY_PER_IP: '100',
        WIDGET_UPLOAD_BYTES_PER_DAY_PER_IP: '100000000',
        WIDGET_SOCKETS_PER_VISITOR: '2',
        WIDGET_SOCKETS_PER_IP: '3',
      },
    });
    admin = (await loginAs(api.baseUrl)).client;
    inbox = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Shop chat',
      settings: { allowedOrigins: [SHOP], newConversationsPerIpPerHour: 1000 },
      secrets: { hmacSecret: 'limits-webchat-secret-0123456789abcdef' },
    });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('limits messages per visitor per minute with a clear 429 and Retry-After, storing nothing', async () => {
    await startOfMinute();
    const v = await visitor();
    for (let i = 0; i < 3; i++) expect((await v.say(`question ${i}`)).status).toBe(200);
    const before = await api.dataSource.getRepository(MessageEntity).count();
    const refused = await v.say('one too many');
    expect(refused).toMatchObject({
      status: 429,
      body: { code: 'RATE_LIMITED', message: expect.stringContaining('at most 3 a minute') },
    });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({ details: { retryAfterSeconds: retryAfter } });
    expect(await api.dataSource.getRepository(MessageEntity).count()).toBe(before);
    // A retry of a message that was stored is answered from storage and counts nothing.
    const first = (await v.history()).body.items[0];
    expect((await v.say('question 0', first.clientMessageId ?? undefined)).body).toMatchObject({
      id: first.id,
    });
    // Another visitor on another network is not affected.
    expect((await (await visitor()).say('hello')).status).toBe(200);
  });

  it('limits messages per network, counting IPv6 callers by their /64', async () => {
    await startOfMinute();
    const a = await visitor('2001:db8:1:2::1');
    const b = await visitor('2001:db8:1:2:ffff:ffff:ffff:fffe');
    expect((await a.say('a1')).status).toBe(200);
    expect((await a.say('a2')).status).toBe(200);
    expect((await b.say('b1')).status).toBe(200);
    expect((await b.say('b2')).status).toBe(200);
    expect((await a.say('a3')).status).toBe(200);
    // Five from the /64: the sixth is refused, whichever address and visitor sends it.
    expect(await b.say('b3')).toMatchObject({
      status: 429,
      body: { message: expect.stringContaining('from this network') },
    });
    const neighbour = await visitor('2001:db8:1:3::1');
    expect((await neighbour.say('next /64')).status).toBe(200);
  });

  it('limits uploads per visitor per day, by count and by bytes', async () => {
    const v = await visitor();
    expect((await v.upload('a.png', png(1000), 'image/png')).status).toBe(200);
    // 1000 + 2500 bytes would pass the day's 3000: refused before anything is stored.
    const files = await api.dataSource.getRepository(StoredFileEntity).count();
    const tooMuch = await v.upload('b.png', png(2500), 'image/png');
    expect(tooMuch).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(Number(tooMuch.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await api.dataSource.getRepository(StoredFileEntity).count()).toBe(files);
    expect((await v.upload('c.png', png(1000), 'image/png')).status).toBe(200);
    const third = await v.upload('d.png', png(100), 'image/png');
    expect(third).toMatchObject({
      status: 429,
      body: { message: expect.stringContaining('at most 2 files') },
    });
  });

  it('refuses an upload with a bad token before reading its body', async () => {
    const url = new URL(`${api.baseUrl}/api/widget/${inbox.id}/attachments`);
    const declared = 50 * 1024 * 1024;
    const answer = await new Promise<{ status: number; sentBytes: number }>((resolve, reject) => {
      let sentBytes = 0;
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            origin: SHOP,
            authorization: 'Bearer v2.forged.token',
            'content-type': 'multipart/form-data; boundary=x',
            'content-length': String(declared),
          },
        },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, sentBytes });
          req.destroy();
        },
      );
      req.on('error', (err) => (sentBytes < declared ? undefined : reject(err)));
      // Only the first 64 KB of the 50 MB are ever sent: an answer can only come from a server
      // that did not wait for the body.
      const chunk = Buffer.alloc(64 * 1024, 1);
      req.write('--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n');
      req.write(chunk, () => (sentBytes += chunk.length));
      setTimeout(() => {
        req.destroy();
        reject(new Error('No answer while the body was still coming'));
      }, 5_000).unref();
    });
    expect(answer.status).toBe(401);
    expect(answer.sentBytes).toBeLessThan(declared);
  });

  it('stores a retried upload once: the same client id returns the stored file', async () => {
    const v = await visitor();
    const storageDir = api.app.get<AppConfig>(APP_CONFIG).STORAGE_DIR;
    const rows = await api.dataSource.getRepository(StoredFileEntity).count();
    const blobs = filesIn(storageDir);
    const clientMessageId = randomUUID();
    const first = await v.upload('receipt.png', PNG, 'image/png', clientMessageId);
    expect(first.status).toBe(200);
    const again = await v.upload('receipt.png', PNG, 'image/png', clientMessageId);
    expect(again).toMatchObject({
      status: 200,
      body: { id: first.body.id, attachments: [{ id: first.body.attachments[0].id }] },
    });
    // Retries racing each other: one stores, the others get the stored message or a 409 to retry.
    const racing = randomUUID();
    const replies = await Promise.all(
      [1, 2, 3].map(() => v.upload('race.png', PNG, 'image/png', racing)),
    );
    expect(replies.filter((r) => r.status !== 200 && r.status !== 409)).toEqual([]);
    const stored = await eventually(async () => {
      const r = await v.upload('race.png', PNG, 'image/png', racing);
      return r.status === 200 && r;
    });
    expect(replies.filter((r) => r.status === 200).every((r) => r.body.id === stored.body.id)).toBe(
      true,
    );
    expect(await api.dataSource.getRepository(StoredFileEntity).count()).toBe(rows + 2);
    expect(filesIn(storageDir)).toBe(blobs + 2);
    expect(await api.dataSource.getRepository(WebchatUploadClaimEntity).count()).toBe(0);
  });

  it('limits open sockets per visitor and per network, and says why', async () => {
    const v = await visitor('203.0.113.50');
    const tab = () => {
      const t = new WidgetVisitorClient(api.baseUrl, inbox.id, SHOP);
      t.token = v.token;
      t.forwardedFor = v.forwardedFor;
      return t;
    };
    const tabs = [tab(), tab()];
    for (const t of tabs) await t.connect();
    const third = tab();
    const refused = (await third.connect().catch((e: unknown) => e)) as ConnectRefusal;
    expect(refused.data).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('at most 2'),
      retryAfterSeconds: expect.any(Number),
    });
    // Closing a tab frees its slot.
    tabs[0].disconnect();
    await eventually(async () => {
      const again = tab();
      const ok = await again.connect().then(
        () => true,
        () => false,
      );
      if (ok) tabs.push(again);
      return ok;
    });
    // Another visitor on the same network takes the network's third and last slot.
    const neighbour = await visitor('203.0.113.50');
    await neighbour.connect();
    const crowd = await visitor('203.0.113.50');
    const full = (await crowd.connect().catch((e: unknown) => e)) as ConnectRefusal;
    expect(full.data).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('from this network'),
    });
    // A flood of typing signals is answered with an error event, once.
    for (let i = 0; i < 40; i++) neighbour.socket?.emit('typing', { typing: i % 2 === 0 });
    await eventually(async () => neighbour.errors.length > 0);
    expect(neighbour.errors).toEqual([
      expect.objectContaining({ code: 'RATE_LIMITED', retryAfterSeconds: 10 }),
    ]);
    for (const t of [...tabs, neighbour]) t.disconnect();
  });

  it('sweeps counters whose window has passed', async () => {
    const counters = api.dataSource.getRepository(WebchatUsageCounterEntity);
    await counters.insert({
      kind: 'message',
      subject: 'ip:192.0.2.1',
      windowStart: new Date('2020-01-01T00:00:00Z'),
      count: 3,
      bytes: '0',
      expiresAt: new Date('2020-01-01T00:01:00Z'),
    });
    await api.app.get(WidgetLimitsService).sweep();
    expect(await counters.countBy({ subject: 'ip:192.0.2.1' })).toBe(0);
    expect(await counters.count()).toBeGreaterThan(0);
  });
});
