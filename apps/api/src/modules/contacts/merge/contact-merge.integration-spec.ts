import type {
  AuditLogEntryDto,
  ContactConversationDto,
  ContactDto,
  ContactListItemDto,
  ContactMergeDto,
  ContactMergePreviewDto,
  ContactMergeSuggestionDto,
  InboxDto,
  Page,
} from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  RecordingOperatorSocket,
  startSmtpPeer,
  startTestApi,
  type ApiClient,
  type SmtpPeer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';
import { TaskEntity } from '../../tasks/entities/task.entity';
import { confirmationLinkIn, confirmByLink } from '../../webchat/testing/follow-up-confirmation';
import { WidgetVisitorClient } from '../../webchat/testing/widget-visitor-client';
import { ContactEntity } from '../entities/contact.entity';
import {
  contactOfConversation,
  insertEmailInbox,
  mailFrom,
  stateOf,
} from './testing/merge-fixtures';

const SHOP = 'https://shop.example';

/**
 * Contact merge end to end on a real database: a customer who wrote by email and by web chat
 * becomes one card with both histories and is split back exactly; suggestions by phone in any
 * spelling; and a widget visitor who types a customer's address gets neither their history nor
 * their card (the operator gets a suggestion).
 */
describe('contact merge', () => {
  let db: TestDatabase;
  let api: TestApi;
  let smtp: SmtpPeer;
  let admin: ApiClient;
  let adminToken: string;
  let adminId: string;
  let accountId: string;
  let emailInboxId: string;
  let chat: InboxDto;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpPeer();
    // The widget mails its confirmation links through SMTP when the account has no email inbox
    // that can send (the test's email inbox has no reachable server).
    process.env['SMTP_URL'] = `smtp://${smtp.user}:${smtp.password}@${smtp.host}:${smtp.port}`;
    process.env['MAIL_FROM'] = 'Shop Support <support@shop.example>';
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    adminToken = session.login.token;
    adminId = session.login.operator.id;
    accountId = (
      await api.dataSource
        .getRepository(OperatorEntity)
        .findOneByOrFail({ id: session.login.operator.id })
    ).accountId;
    emailInboxId = await insertEmailInbox(api, accountId);
    chat = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Shop chat',
      settings: { allowedOrigins: [SHOP] },
      secrets: { hmacSecret: 'merge-webchat-secret-0123456789abcdefgh' },
    });
  });

  afterAll(async () => {
    process.env = savedEnv;
    await api?.close();
    await smtp?.close();
    await db?.drop();
  });

  const visitorConversation = async (v: WidgetVisitorClient) => {
    const externalId = `visitor:${(await v.session()).body.visitorId}`;
    return api.dataSource.getRepository(ConversationEntity).findOneOrFail({
      where: { identity: { inboxId: chat.id, externalId } },
    });
  };

  it('merges a customer who wrote by email and by web chat into one card, and undoes it exactly', async () => {
    const mailConversation = await mailFrom(
      api,
      emailInboxId,
      { email: 'ana@example.test', name: 'Ana López' },
      'My invoice is wrong',
    );
    const ana = await contactOfConversation(api.dataSource, mailConversation);
    const v = new WidgetVisitorClient(api.baseUrl, chat.id, SHOP);
    await v.session();
    expect((await v.say('Hi, it is Ana again, about the invoice')).status).toBe(200);
    const chatConversation = await visitorConversation(v);
    const visitor = chatConversation.contactId;
    expect(visitor).not.toBe(ana);
    await api.dataSource.getRepository(ContactEntity).update(visitor, {
      notes: 'Chats from the shop page',
      attributes: { plan: 'gold' },
    });
    // A task about the chat belongs to the visitor's contact, and follows the merge.
    const task = await admin.ok<{ id: string }>('POST', '/api/tasks', {
      title: 'Check the invoice',
      assigneeId: adminId,
      dueAt: new Date(Date.now() + 3_600_000).toISOString(),
      conversationIds: [chatConversation.id],
    });
    const taskContact = async () =>
      (await api.dataSource.getRepository(TaskEntity).findOneByOrFail({ id: task.id })).contactId;
    expect(await taskContact()).toBe(visitor);
    const before = await stateOf(api.dataSource, [ana, visitor]);

    const preview = await admin.ok<ContactMergePreviewDto>(
      'GET',
      `/api/contacts/${ana}/merge-preview?other=${visitor}`,
    );
    expect(preview.identities).toEqual([expect.objectContaining({ channel: 'webchat' })]);
    expect(preview.conversations.map((c) => c.id)).toEqual([chatConversation.id]);
    expect(preview.conversationCounts).toEqual({ open: 1, snoozed: 0, closed: 0 });
    expect(preview.fields.find((f) => f.field === 'name')).toMatchObject({
      survivor: 'Ana López',
      winner: 'survivor',
      result: 'Ana López',
    });
    expect(preview.fields.find((f) => f.field === 'attributes.plan')).toMatchObject({
      survivor: null,
      other: 'gold',
      winner: 'other',
    });
    expect(preview.warnings).toContainEqual({ code: 'both_have_open_conversations' });

    const socket = await RecordingOperatorSocket.connect(api.baseUrl, adminToken);
    try {
      const merge = await admin.ok<ContactMergeDto>('POST', `/api/contacts/${ana}/merge`, {
        otherId: visitor,
        confirm: true,
      });
      expect(merge).toMatchObject({
        survivor: { id: ana, name: 'Ana López' },
        other: { id: visitor },
        identityCount: 1,
        conversationCount: 1,
        undoneAt: null,
        canUndo: true,
      });
      // Live: the moved conversation's summary names its new contact, with the activity.
      await socket.waitFor((events) =>
        events.some(
          (e) =>
            e.type === 'message.created' &&
            e.conversationId === chatConversation.id &&
            e.payload.message.activity?.type === 'contact_merged' &&
            e.payload.conversation.contact.id === ana,
        ),
      );
    } finally {
      socket.close();
    }

    // One card: both identities, both histories, the visitor's attribute and notes kept.
    const card = await admin.ok<ContactDto>('GET', `/api/contacts/${ana}`);
    expect(card.identities.map((i) => i.channel).sort()).toEqual(['email', 'webchat']);
    expect(card.attributes).toEqual({ plan: 'gold' });
    expect(card.notes).toBe('Chats from the shop page');
    const history = await admin.ok<Page<ContactConversationDto>>(
      'GET',
      `/api/contacts/${ana}/conversations`,
    );
    expect(history.items.map((c) => c.id).sort()).toEqual(
      [mailConversation, chatConversation.id].sort(),
    );
    // The retired contact is hidden from the list, and takes part in no other merge.
    const list = await admin.ok<Page<ContactListItemDto>>('GET', '/api/contacts?limit=100');
    expect(list.items.map((c) => c.id)).toContain(ana);
    expect(list.items.map((c) => c.id)).not.toContain(visitor);
    // The visitor's widget still shows only the visitor's own chat, never the email thread.
    expect((await v.history()).body.items.map((m) => m.text)).toEqual([
      'Hi, it is Ana again, about the invoice',
    ]);
    const merges = await admin.ok<ContactMergeDto[]>('GET', `/api/contacts/${ana}/merges`);
    expect(merges).toHaveLength(1);
    expect(await taskContact()).toBe(ana);
    const audit = await admin.ok<Page<AuditLogEntryDto>>(
      'GET',
      '/api/audit-log?action=contacts.merged',
    );
    expect(audit.items[0]).toMatchObject({ target: { type: 'contact', id: ana } });

    // A new chat message after the merge lands on the merged card...
    expect((await v.say('Still there?')).status).toBe(200);
    expect(await contactOfConversation(api.dataSource, chatConversation.id)).toBe(ana);

    const undone = await admin.ok<ContactMergeDto>(
      'POST',
      `/api/contact-merges/${merges[0]!.id}/undo`,
    );
    expect(undone).toMatchObject({ canUndo: false, undoneBy: { name: expect.any(String) } });
    // ...and goes back with the visitor's identity: everything is as before, exactly.
    const after = await stateOf(api.dataSource, [ana, visitor]);
    expect({
      ...after,
      messages: after.messages.filter((m) => before.messages.some((b) => b.id === m.id)),
    }).toEqual(before);
    expect(after.messages.filter((m) => m.conversationId === chatConversation.id)).toHaveLength(2);
    expect(
      after.messages.every(
        (m) => m.conversationId !== chatConversation.id || m.senderContactId === visitor,
      ),
    ).toBe(true);
    expect(await taskContact()).toBe(visitor);
    const unmergeAudit = await admin.ok<Page<AuditLogEntryDto>>(
      'GET',
      '/api/audit-log?action=contacts.unmerged',
    );
    expect(unmergeAudit.items).toHaveLength(1);
    expect(
      (await admin.request('POST', `/api/contact-merges/${merges[0]!.id}/undo`)).body,
    ).toMatchObject({ code: 'MERGE_UNDO_UNAVAILABLE' });
  });

  it('suggests contacts with the same phone number in any spelling, and nothing for a national one', async () => {
    const repo = api.dataSource.getRepository(ContactEntity);
    const insert = async (name: string, phone: string) =>
      (await repo.save(repo.create({ accountId, name, phone, email: null }))).id;
    const uk = await insert('Phone One', '+44 20 7946 0958');
    const dialled = await insert('Phone Two', '0044 (20) 7946-0958');
    const bare = await insert('Phone Three', '442079460958');
    await insert('Phone National', '020 7946 0958');

    const suggestions = await admin.ok<ContactMergeSuggestionDto[]>(
      'GET',
      `/api/contacts/${uk}/merge-suggestions`,
    );
    expect(suggestions.map((s) => s.contact.id).sort()).toEqual([dialled, bare].sort());
    expect(suggestions[0]!.reasons).toEqual([{ kind: 'phone', value: '+442079460958' }]);
    // Symmetric: the bare spelling is offered the other two.
    const back = await admin.ok<ContactMergeSuggestionDto[]>(
      'GET',
      `/api/contacts/${bare}/merge-suggestions`,
    );
    expect(back.map((s) => s.contact.id).sort()).toEqual([uk, dialled].sort());
  });

  it('gives a widget visitor who types a customer’s address neither their history nor their card', async () => {
    const mailConversation = await mailFrom(
      api,
      emailInboxId,
      { email: 'bea@example.test', name: 'Bea' },
      'Private: my order 4711 ships to Elm Street',
    );
    const bea = await contactOfConversation(api.dataSource, mailConversation);
    const v = new WidgetVisitorClient(api.baseUrl, chat.id, SHOP);
    await v.session();
    await v.say('Where is my order?');
    const mails = smtp.messages.length;
    expect((await v.leaveEmail('BEA@example.test')).status).toBe(200);
    const link = confirmationLinkIn((await smtp.waitForMessages(mails + 1, 15_000))[mails]!);
    const visitor = (await visitorConversation(v)).contactId;

    // Not joined: the visitor has a card of their own; no email of Bea's shows in the widget.
    expect(visitor).not.toBe(bea);
    const texts = async () => (await v.history()).body.items.map((m) => m.text);
    expect(await texts()).toEqual(['Where is my order?']);
    // The operator is offered the match instead, on both cards, as an unconfirmed claim.
    const onBea = await admin.ok<ContactMergeSuggestionDto[]>(
      'GET',
      `/api/contacts/${bea}/merge-suggestions`,
    );
    expect(onBea).toEqual([
      expect.objectContaining({
        contact: expect.objectContaining({ id: visitor, channels: ['webchat'] }),
        reasons: [{ kind: 'widget_email', value: 'bea@example.test', confirmed: false }],
      }),
    ]);
    const onVisitor = await admin.ok<ContactMergeSuggestionDto[]>(
      'GET',
      `/api/contacts/${visitor}/merge-suggestions`,
    );
    expect(onVisitor.map((s) => s.contact.id)).toEqual([bea]);

    // Even once confirmed, the address joins nothing by itself; the suggestion says confirmed.
    expect((await confirmByLink(link)).status).toBe(200);
    expect((await visitorConversation(v)).contactId).toBe(visitor);
    expect(await texts()).toEqual(['Where is my order?']);
    const confirmed = await admin.ok<ContactMergeSuggestionDto[]>(
      'GET',
      `/api/contacts/${bea}/merge-suggestions`,
    );
    expect(confirmed[0]!.reasons).toEqual([
      { kind: 'widget_email', value: 'bea@example.test', confirmed: true },
    ]);
  });

  it('suggests contacts with the same email, whatever its case', async () => {
    const { customer } = await createApiInbox(admin, 'Integrations');
    await customer.say('From the app', undefined, {
      id: 'app-1',
      name: 'Cy',
      email: 'cy@example.test',
    });
    const repo = api.dataSource.getRepository(ContactEntity);
    const crm = await repo.save(
      repo.create({ accountId, name: 'Cy (CRM)', email: 'CY@Example.TEST', phone: null }),
    );
    const suggestions = await admin.ok<ContactMergeSuggestionDto[]>(
      'GET',
      `/api/contacts/${crm.id}/merge-suggestions`,
    );
    expect(suggestions.map((s) => [s.contact.name, s.reasons])).toEqual([
      ['Cy', [{ kind: 'email', value: 'cy@example.test' }]],
    ]);
  });
});
