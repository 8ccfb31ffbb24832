import {
  createTestDatabase,
  loginWithCookie,
  startSmtpPeer,
  startTestApi,
  type CookieSession,
  type SmtpPeer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { insertEmailInbox, mailFrom } from '../contacts/merge/testing/merge-fixtures';
import { MessageEntity } from '../messages/entities/message.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { PORTAL_POSTS_PER_HOUR } from './portal-post-limit';
import { PortalClient, portalLinkFor } from './testing/portal-client';

/**
 * Portal sessions and operators' sessions are separate: neither credential opens the other side,
 * whichever cookie name or header it is presented under; and what one signed-in customer may send
 * per hour is limited. Real database, real SMTP.
 */
describe('customer portal: separate sessions and a write limit', () => {
  let db: TestDatabase;
  let api: TestApi;
  let smtp: SmtpPeer;
  let operator: CookieSession;
  let portalToken: string;
  let anaConversation: string;
  const ana = new PortalClient('', '198.51.100.31');
  const bea = new PortalClient('', '198.51.100.32');
  const savedEnv = { ...process.env };

  const get = async (path: string, headers: Record<string, string>) => {
    const res = await fetch(`${api.baseUrl}${path}`, { headers, redirect: 'manual' });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpPeer();
    process.env['SMTP_URL'] = `smtp://${smtp.user}:${smtp.password}@${smtp.host}:${smtp.port}`;
    process.env['MAIL_FROM'] = 'Shop Support <support@shop.example>';
    api = await startTestApi({ databaseUrl: db.url });
    operator = await loginWithCookie(api.baseUrl);
    const accountId = (
      await api.dataSource
        .getRepository(OperatorEntity)
        .findOneByOrFail({ id: operator.session.operator.id })
    ).accountId;
    const inboxId = await insertEmailInbox(api, accountId);
    anaConversation = await mailFrom(
      api,
      inboxId,
      { email: 'ana@example.test', name: 'Ana' },
      'Hi',
      'Invoice 1042',
    );
    await mailFrom(api, inboxId, { email: 'bea@example.test', name: 'Bea' }, 'Hi', 'Order 7');
    for (const [client, email, n] of [
      [ana, 'ana@example.test', 1],
      [bea, 'bea@example.test', 2],
    ] as const) {
      (client as { baseUrl: string }).baseUrl = api.baseUrl;
      expect((await client.askForLink(accountId, email)).status).toBe(200);
      expect((await client.open(await portalLinkFor(smtp, email, n))).status).toBe(303);
    }
    portalToken = (ana.cookie ?? '').split('=')[1] ?? '';
  });

  afterAll(async () => {
    process.env = savedEnv;
    await api?.close();
    await smtp?.close();
    await db?.drop();
  });

  it('each session opens its own side only', async () => {
    const operatorToken = operator.cookie.split('=')[1] ?? '';
    // Both work where they belong, so the refusals below are about the side, not a dead session.
    expect((await get('/portal/requests', { cookie: ana.cookie ?? '' })).text).toContain(
      'Invoice 1042',
    );
    expect((await get('/api/conversations', { cookie: operator.cookie })).status).toBe(200);

    const asOperator: Record<string, string>[] = [
      { cookie: operator.cookie },
      { cookie: `sb_portal=${operatorToken}` },
      { authorization: `Bearer ${operatorToken}` },
    ];
    for (const headers of asOperator) {
      const page = await get('/portal/requests', headers);
      expect([JSON.stringify(headers), page.status]).toEqual([JSON.stringify(headers), 401]);
      expect(page.text).not.toContain('Invoice 1042');
    }
    const asCustomer: Record<string, string>[] = [
      { cookie: ana.cookie ?? '' },
      { cookie: `sb_session=${portalToken}` },
      { authorization: `Bearer ${portalToken}` },
    ];
    for (const headers of asCustomer) {
      const res = await get('/api/conversations', headers);
      expect([JSON.stringify(headers), res.status]).toEqual([JSON.stringify(headers), 401]);
      expect(res.text).not.toContain('Invoice 1042');
    }
  });

  it('a new request takes one safe file, and refuses a disguised or huge one, storing nothing', async () => {
    const newRequest = async (
      subject: string,
      file: { name: string; type: string; bytes: Buffer },
    ) => {
      const form = new FormData();
      form.append('_csrf', await bea.csrf());
      form.append('subject', subject);
      form.append('text', `${subject} details`);
      form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
      return bea.request('POST', '/portal/new', form);
    };
    const disguised = await newRequest('Disguised', {
      name: 'photo.png',
      type: 'image/png',
      bytes: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    expect(disguised.status).toBe(422);
    const huge = await newRequest('Huge', {
      name: 'big.pdf',
      type: 'application/pdf',
      bytes: Buffer.alloc(10 * 1024 * 1024 + 10, 1),
    });
    expect(huge.status).toBe(413);
    const subjects = async () =>
      (await bea.request('GET', '/portal/requests')).html.match(/Disguised|Huge|Receipt/g) ?? [];
    expect(await subjects()).toEqual([]);

    const ok = await newRequest('Receipt', {
      name: 'receipt.pdf',
      type: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4\nreceipt\n%%EOF\n'),
    });
    expect(ok.status).toBe(303);
    const page = await bea.request('GET', ok.headers.get('location') ?? '/missing');
    const href = /href="(\/portal\/files\/[^"]+receipt\.pdf)"/.exec(page.html)?.[1];
    expect((await bea.request('GET', href ?? '/missing')).status).toBe(200);
    expect(await subjects()).toEqual(['Receipt']);
  });

  it('limits what one customer sends per hour, replies and new requests together', async () => {
    const stored = (text: string) => api.dataSource.getRepository(MessageEntity).countBy({ text });
    const statuses: number[] = [];
    for (let i = 0; i < PORTAL_POSTS_PER_HOUR; i++)
      statuses.push((await ana.reply(anaConversation, `Update ${i}`)).status);
    expect(statuses.filter((s) => s !== 303)).toEqual([]);

    const over = await ana.reply(anaConversation, 'One too many');
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('900');
    expect(over.html).toContain('You have sent many messages in the last hour.');
    const form = new FormData();
    form.append('_csrf', await ana.csrf());
    form.append('subject', 'Flood');
    form.append('text', 'A new request too many');
    expect((await ana.request('POST', '/portal/new', form)).status).toBe(429);
    expect(await stored('One too many')).toBe(0);
    expect(await stored('A new request too many')).toBe(0);
    // Reading stays open, and another customer is not affected.
    expect((await ana.request('GET', `/portal/requests/${anaConversation}`)).status).toBe(200);
    const beaList = await bea.request('GET', '/portal/requests');
    const beaRequest = /href="\/portal\/requests\/([0-9a-f-]{36})"/.exec(beaList.html)?.[1];
    expect((await bea.reply(beaRequest ?? '', 'Bea still writes')).status).toBe(303);
  });
});
