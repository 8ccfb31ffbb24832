import { randomUUID } from 'node:crypto';
import { ImapSentFolder, type EmailInboxContext } from '@switchboard/channels-email';
import type { FollowUpEmail, VisitorDelivery } from '@switchboard/channels-webchat';
import type { InboxDto, MessageDto } from '@switchboard/contracts';
import {
  createTestDatabase,
  loginAs,
  RecordingOperatorSocket,
  startDovecot,
  startSmtpPeer,
  startTestApi,
  type ApiClient,
  type DovecotServer,
  type SmtpPeer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import {
  createEmailInbox,
  emailInboxBody,
  eventually,
  SUPPORT,
} from '../email/testing/email-test-kit';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { WebchatFollowUpEntity } from '../webchat/entities/webchat-follow-up.entity';
import { WebchatVisitorEntity } from '../webchat/entities/webchat-visitor.entity';
import { FollowUpMailerService } from '../webchat/services/follow-up-mailer.service';
import { OutboundAttemptEntity } from './entities/outbound-attempt.entity';
import { InboundPipelineService } from './inbound-pipeline.service';
import { OutboundAttemptsService } from './outbound-attempts.service';
import { OutboundDeliveryWorker } from './outbound-delivery.worker';

/** The send budget for this suite: long enough for a healthy send, short enough to wait out. */
const SEND_TIMEOUT_MS = 3_000;

/**
 * Exactly-once sends against a real SMTP server that takes the whole message and then answers
 * late, or never: each reply reaches the customer once, shows "delivery uncertain", and only a
 * deliberate "send again" delivers it once more.
 */
describe('exactly-once sends over SMTP', () => {
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let token: string;
  let inbox: InboxDto;

  beforeAll(async () => {
    dovecot = await startDovecot({ users: [SUPPORT] });
    smtp = await startSmtpPeer();
    db = await createTestDatabase();
    api = await startTestApi({
      databaseUrl: db.url,
      env: { OUTBOUND_ATTEMPT_TIMEOUT_MS: String(SEND_TIMEOUT_MS) },
    });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    token = session.login.token;
    inbox = await createEmailInbox(admin, dovecot, smtp);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    await smtp?.close();
    await dovecot?.stop();
  });

  afterEach(() => smtp.accept());

  /** A customer's mail, handed to the pipeline as the IMAP sync would (this suite is about sending). */
  async function conversationFromCustomer(subject: string): Promise<string> {
    const [outcome] = await api.app.get(InboundPipelineService).ingest(inbox.id, [
      {
        type: 'message',
        externalId: `<cust-${randomUUID()}@customer.example>`,
        sender: {
          externalId: 'jane@customer.example',
          name: 'Jane',
          email: 'jane@customer.example',
        },
        text: 'Hello?',
        subject,
        attachments: [],
        thread: { references: [], continueLatest: false },
        sentAt: new Date(),
      },
    ]);
    if (outcome?.kind !== 'stored') throw new Error(`customer mail not stored: ${outcome?.kind}`);
    return outcome.conversationId;
  }

  const message = (id: string) =>
    api.dataSource.getRepository(MessageEntity).findOneByOrFail({ id });

  const reachesStatus = (id: string, status: MessageDto['deliveryStatus'], timeoutMs = 10_000) =>
    eventually(
      async () => {
        const m = await message(id);
        return m.deliveryStatus === status && m;
      },
      timeoutMs,
      `message ${id} ${status}`,
    );

  const copiesOf = (id: string) => smtp.messages.filter((m) => m.parsed.messageId?.includes(id));

  const attemptsOf = (messageId: string) =>
    api.dataSource
      .getRepository(OutboundAttemptEntity)
      .find({ where: { messageId }, order: { number: 'ASC' } });

  it('delivers once to a server that answers DATA after 70 s, shows "delivery uncertain", and sends again only when asked', async () => {
    const conversationId = await conversationFromCustomer('Late answers');
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, token);
    smtp.answerDataLate({ delayMs: 70_000 });
    const reply = await admin.ok<MessageDto>(
      'POST',
      `/api/conversations/${conversationId}/messages`,
      { text: 'It ships today.' },
    );
    await eventually(async () => copiesOf(reply.id).length === 1, 10_000, 'the first copy');

    // What pg-boss does when a job outlives its expiry, and a second instance picking it up:
    // the attempt is running, so neither sends.
    const worker = api.app.get(OutboundDeliveryWorker);
    await worker.handle({ data: { messageId: reply.id, attempt: 1 } });
    await worker.handle({ data: { messageId: reply.id } });

    const uncertain = await reachesStatus(reply.id, 'uncertain');
    expect(uncertain.failureReason).toMatch(/did not answer within 3 s.*may have been delivered/);
    await socket.waitFor((events) =>
      events.some(
        (e) =>
          e.type === 'message.updated' &&
          e.payload.message.id === reply.id &&
          e.payload.message.deliveryStatus === 'uncertain',
      ),
    );
    socket.close();

    // Nothing sends it again by itself, and "retry" (for failed sends) does not apply.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(copiesOf(reply.id)).toHaveLength(1);
    expect((await admin.post(`/api/messages/${reply.id}/retry`)).status).toBe(409);

    smtp.accept();
    const again = await admin.ok<MessageDto>('POST', `/api/messages/${reply.id}/resend`);
    expect(again.deliveryStatus).toBe('pending');
    await reachesStatus(reply.id, 'sent');
    expect(copiesOf(reply.id)).toHaveLength(2);
    // The same Message-ID both times: a receiving server that already has it can drop it.
    expect(new Set(copiesOf(reply.id).map((m) => m.parsed.messageId)).size).toBe(1);
    expect((await admin.post(`/api/messages/${reply.id}/resend`)).status).toBe(409);

    const attempts = await attemptsOf(reply.id);
    expect(attempts.map((a) => [a.number, a.outcome, a.deliberate])).toEqual([
      [1, 'uncertain', false],
      [2, 'sent', true],
    ]);
  });

  it('treats a connection lost after the whole message as "delivery uncertain" at once, never retried', async () => {
    const conversationId = await conversationFromCustomer('Lost answers');
    smtp.answerDataLate('drop');
    const reply = await admin.ok<MessageDto>(
      'POST',
      `/api/conversations/${conversationId}/messages`,
      { text: 'On its way.' },
    );
    const uncertain = await reachesStatus(reply.id, 'uncertain', SEND_TIMEOUT_MS);
    expect(uncertain.failureReason).toMatch(/never confirmed it.*may have been delivered/);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(copiesOf(reply.id)).toHaveLength(1);
    expect((await attemptsOf(reply.id)).map((a) => a.outcome)).toEqual(['uncertain']);
  });

  it('settles an attempt whose server died mid-send as "delivery uncertain" once its lease runs out', async () => {
    const conversationId = await conversationFromCustomer('Crash');
    const conversation = await api.dataSource
      .getRepository(ConversationEntity)
      .findOneByOrFail({ id: conversationId });
    // A reply whose job this process never sees: the attempt below is all there is.
    const { identifiers } = await api.dataSource.getRepository(MessageEntity).insert({
      accountId: conversation.accountId,
      conversationId,
      inboxId: inbox.id,
      direction: 'outgoing',
      kind: 'message',
      senderType: 'operator',
      text: 'Lost in a crash',
      deliveryStatus: 'pending',
    });
    const id = String(identifiers[0]?.['id']);
    const attempts = api.app.get(OutboundAttemptsService);
    const claim = await attempts.claim({ messageId: id, attempt: 1 }, 'a-server-that-dies', 500);
    expect(claim.kind).toBe('claimed');
    // The server is gone mid-send (no finish). Meanwhile a redelivered job finds it running.
    expect((await attempts.claim({ messageId: id, attempt: 1 }, 'another', 500)).kind).toBe('busy');
    const uncertain = await reachesStatus(id, 'uncertain', 8_000);
    expect(uncertain.failureReason).toMatch(/stopped before the channel answered/);
    expect((await attemptsOf(id)).map((a) => [a.worker, a.outcome])).toEqual([
      ['a-server-that-dies', 'uncertain'],
    ]);
    expect(copiesOf(id)).toHaveLength(0);
  });

  it('keeps one Sent copy per Message-ID, however often a message is sent', async () => {
    const body = emailInboxBody(dovecot, smtp);
    const ctx: EmailInboxContext = {
      inboxId: inbox.id,
      publicUrl: api.baseUrl,
      settings: body.settings as unknown as EmailInboxContext['settings'],
      secrets: body.secrets,
    };
    const messageId = `<sent-copy-${randomUUID()}@example.test>`;
    const raw = Buffer.from(
      `From: ${SUPPORT.user}\r\nTo: jane@customer.example\r\nSubject: Copy\r\nMessage-ID: ${messageId}\r\n\r\nOnce.\r\n`,
    );
    const before = (await dovecot.mailboxStatus(SUPPORT.user, 'Sent')).messages;
    const folder = new ImapSentFolder();
    await folder.append(raw, ctx, messageId);
    await folder.append(raw, ctx, messageId);
    expect((await dovecot.mailboxStatus(SUPPORT.user, 'Sent')).messages).toBe(before + 1);
  });

  it('claims the web chat follow-up email before sending it: an unknown outcome is never mailed again by itself', async () => {
    const mailer = api.app.get(FollowUpMailerService);
    const messageKey = randomUUID();
    const conversationId = randomUUID();
    // The mailer needs an inbox of the account for the claim; it mails through the email inbox.
    const delivery = (deliberateResend = false): VisitorDelivery => ({
      inboxId: inbox.id,
      visitorExternalId: 'visitor:v-1',
      conversationId,
      conversationNumber: 7,
      messageKey,
      externalId: `wc-out:${messageKey}`,
      text: 'We answered your chat',
      senderName: 'Ann',
      attachments: [],
      deliberateResend,
    });
    const email: FollowUpEmail = {
      to: 'visitor@customer.example',
      subject: 'New reply to your chat (#7)',
      text: 'We answered your chat',
      html: '<p>We answered your chat</p>',
      messageId: `<webchat.${conversationId}.${messageKey}@example.test>`,
      conversationToken: conversationId,
      headers: {},
    };
    // Follow-ups go only to an address the visitor confirmed.
    await api.dataSource
      .getRepository(WebchatVisitorEntity)
      .insert({ inboxId: inbox.id, visitorKey: 'visitor:v-1', email: email.to });
    const mailed = () => smtp.messages.filter((m) => m.envelope.to.includes(email.to)).length;
    const state = async () =>
      (await api.dataSource.getRepository(WebchatFollowUpEntity).findOneByOrFail({ messageKey }))
        .state;

    smtp.answerDataLate('drop');
    await expect(mailer.send(email, delivery())).rejects.toMatchObject({
      code: 'OUTCOME_UNKNOWN',
    });
    expect(mailed()).toBe(1);
    expect(await state()).toBe('uncertain');

    // The delivery job runs again (a retry, a redelivery): it must not mail a second time.
    smtp.accept();
    await expect(mailer.send(email, delivery())).rejects.toMatchObject({
      code: 'OUTCOME_UNKNOWN',
    });
    expect(mailed()).toBe(1);

    // An operator sends the reply again on purpose: mailed once more, then never again.
    await mailer.send(email, delivery(true));
    expect(mailed()).toBe(2);
    expect(await state()).toBe('sent');
    await mailer.send(email, delivery());
    expect(mailed()).toBe(2);
  });
});
