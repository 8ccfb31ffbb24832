import type { InboxDto, PortalSettingsDto } from '@switchboard/contracts';
import {
  createTestDatabase,
  loginAs,
  startSmtpPeer,
  startTestApi,
  type ApiClient,
  type SmtpPeer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { createAccount } from '../accounts/create-account';
import {
  contactOfConversation,
  insertEmailInbox,
  mailFrom,
} from '../contacts/merge/testing/merge-fixtures';
import { ContactEntity } from '../contacts/entities/contact.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { InboxEntity } from '../inboxes/entities/inbox.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { PortalClient, portalLinkFor } from './testing/portal-client';

/**
 * Where the portal files New requests (an admin's choice of inbox, else the default) and the
 * chosen inbox's fields on the form: prefilled, required ones enforced, answers kept on the
 * contact like the web chat's pre-chat answers. Real database, real SMTP for the sign-in link.
 */
describe('customer portal: target inbox and request fields', () => {
  let db: TestDatabase;
  let api: TestApi;
  let smtp: SmtpPeer;
  let admin: ApiClient;
  let accountId: string;
  let emailInboxId: string;
  let apiInbox: InboxDto;
  let anaConversation: string;
  const ana = new PortalClient('', '198.51.100.21');
  const savedEnv = { ...process.env };

  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const post = async (fields: Record<string, string>) => {
    const body = new FormData();
    body.append('_csrf', csrfOf((await ana.request('GET', '/portal/new')).html));
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    return ana.request('POST', '/portal/new', body);
  };
  const inboxOf = async (conversationId: string) =>
    (await api.dataSource.getRepository(ConversationEntity).findOneByOrFail({ id: conversationId }))
      .inboxId;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpPeer();
    process.env['SMTP_URL'] = `smtp://${smtp.user}:${smtp.password}@${smtp.host}:${smtp.port}`;
    process.env['MAIL_FROM'] = 'Shop Support <support@shop.example>';
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    accountId = (
      await api.dataSource
        .getRepository(OperatorEntity)
        .findOneByOrFail({ id: session.login.operator.id })
    ).accountId;
    emailInboxId = await insertEmailInbox(api, accountId);
    // The API inbox's fields go through the same settings validation as the widget's.
    apiInbox = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'api',
      name: 'Orders',
      settings: {
        preChatFields: [
          { key: 'name', label: 'Your name', type: 'name', required: true },
          { key: 'email', label: 'Email', type: 'email', required: false },
          { key: 'order_number', label: 'Order number', type: 'text', required: true },
        ],
      },
      secrets: { signingSecret: 's'.repeat(24) },
    });
    anaConversation = await mailFrom(
      api,
      emailInboxId,
      { email: 'ana@example.test', name: 'Ana Lima' },
      'Hello',
      'Invoice 1042',
    );
    (ana as { baseUrl: string }).baseUrl = api.baseUrl;
    expect((await ana.askForLink(accountId, 'ana@example.test')).status).toBe(200);
    expect((await ana.open(await portalLinkFor(smtp, 'ana@example.test', 1))).status).toBe(303);
  });

  afterAll(async () => {
    process.env = savedEnv;
    await api?.close();
    await smtp?.close();
    await db?.drop();
  });

  it('files requests in the first email inbox by default, asking no extra fields', async () => {
    const settings = await admin.ok<PortalSettingsDto>('GET', '/api/portal-settings');
    expect(settings).toEqual({
      targetInboxId: null,
      effectiveInboxId: emailInboxId,
      signInPath: `/portal/${accountId}/sign-in`,
    });
    expect((await ana.request('GET', '/portal/new')).html).not.toContain('Order number');
    const created = await post({ subject: 'Default', text: 'Where does this go?' });
    expect(created.status).toBe(303);
    const id = created.headers.get('location')?.split('/').pop() ?? '';
    expect(await inboxOf(id)).toBe(emailInboxId);
  });

  it('refuses another account’s inbox, a removed one and a web chat inbox', async () => {
    const other = await api.dataSource.transaction((em) => createAccount(em, 'Other Co'));
    const foreign = await api.dataSource
      .createQueryBuilder()
      .insert()
      .into(InboxEntity)
      .values({ accountId: other, kind: 'api', name: 'Theirs', settings: {} })
      .returning('id')
      .updateEntity(false)
      .execute();
    const foreignId = (foreign.raw as { id: string }[])[0]?.id;
    const put = (targetInboxId: string | null) =>
      admin.request('PUT', '/api/portal-settings', { targetInboxId });
    expect((await put(foreignId ?? '')).status).toBe(404);
    const chat = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Chat',
      settings: { allowedOrigins: ['*'] },
      secrets: { hmacSecret: 'h'.repeat(40) },
    });
    expect((await put(chat.id)).status).toBe(400);
    const gone = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'api',
      name: 'Old',
      secrets: { signingSecret: 'o'.repeat(24) },
    });
    await admin.ok('DELETE', `/api/inboxes/${gone.id}`);
    expect((await put(gone.id)).status).toBe(404);
    const settings = await admin.ok<PortalSettingsDto>('GET', '/api/portal-settings');
    expect(settings.targetInboxId).toBeNull();
    expect(settings.effectiveInboxId).toBe(emailInboxId);
  });

  it('asks the chosen inbox’s fields, prefilled, and refuses a missing required one', async () => {
    const saved = await admin.ok<PortalSettingsDto>('PUT', '/api/portal-settings', {
      targetInboxId: apiInbox.id,
    });
    expect(saved.targetInboxId).toBe(apiInbox.id);
    expect(saved.effectiveInboxId).toBe(apiInbox.id);
    const form = await ana.request('GET', '/portal/new');
    expect(form.html).toContain('Order number');
    expect(form.html).toMatch(/name="field_name"[^>]*required value="Ana Lima"/);
    expect(form.html).toMatch(/name="field_email"[^>]*value="ana@example.test"/);
    expect(form.html).not.toContain('<script');
    const missing = await post({ subject: 'Refund', text: 'Please refund', field_name: 'Ana' });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('Please fill in “Order number”.');
    // The answers the customer gave survive the refusal.
    expect(missing.html).toContain('Please refund');
    const ru = await ana.request('POST', '/portal/new', await formWith(ana, {}), {
      'accept-language': 'ru',
    });
    expect(ru.status).toBe(400);
    expect(ru.html).toContain('Заполните поле «Your name».');
  });

  it('files the request in the chosen inbox and keeps the answers on the contact', async () => {
    const created = await post({
      subject: 'Refund',
      text: 'Please refund order 5521',
      field_name: 'Ana Lima-Souza',
      field_email: 'ana@example.test',
      field_order_number: ' 5521 ',
    });
    expect(created.status).toBe(303);
    const id = created.headers.get('location')?.split('/').pop() ?? '';
    expect(await inboxOf(id)).toBe(apiInbox.id);
    const contactId = await contactOfConversation(api.dataSource, id);
    expect(contactId).toBe(await contactOfConversation(api.dataSource, anaConversation));
    const contact = await api.dataSource
      .getRepository(ContactEntity)
      .findOneByOrFail({ id: contactId });
    expect(contact.name).toBe('Ana Lima-Souza');
    expect(contact.email).toBe('ana@example.test');
    expect(contact.attributes).toMatchObject({ order_number: '5521' });
  });

  it('falls back to the default once the chosen inbox is removed', async () => {
    await admin.ok('DELETE', `/api/inboxes/${apiInbox.id}`);
    const settings = await admin.ok<PortalSettingsDto>('GET', '/api/portal-settings');
    expect(settings).toMatchObject({ targetInboxId: null, effectiveInboxId: emailInboxId });
    const created = await post({ subject: 'After', text: 'Still here' });
    expect(created.status).toBe(303);
    expect(await inboxOf(created.headers.get('location')?.split('/').pop() ?? '')).toBe(
      emailInboxId,
    );
  });
});

/** A New request form with a subject and message but none of the inbox's fields. */
async function formWith(client: PortalClient, extra: Record<string, string>): Promise<FormData> {
  const body = new FormData();
  const page = await client.request('GET', '/portal/new');
  body.append('_csrf', /name="_csrf" value="([^"]+)"/.exec(page.html)?.[1] ?? '');
  body.append('subject', 'Refund');
  body.append('text', 'Please');
  for (const [name, value] of Object.entries(extra)) body.append(name, value);
  return body;
}
