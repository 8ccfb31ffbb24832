import { randomUUID } from 'node:crypto';
import type { OutboundMessage } from '@switchboard/channels-core';
import { describeChannelContract } from '@switchboard/channels-core/testing';
import { EmailChannelAdapter, type EmailInboxContext } from './email-channel.adapter';
import type { RawEmail } from './parse/email-parser';
import { fixture, fixtureNames, testSettings } from './testing-fixtures';
import { startSmtpSink, type SmtpSink } from './testing-smtp-sink';

const conversationId = randomUUID();

describeChannelContract<EmailInboxContext['settings'], EmailInboxContext['secrets'], RawEmail>(
  'email',
  () => {
    let sink: SmtpSink;
    const adapter = new EmailChannelAdapter();
    const valid: RawEmail[] = [
      ...fixtureNames('inbound').map((f) => ({ source: fixture(`inbound/${f}`) })),
      ...fixtureNames('auto-reply').map((f) => ({ source: fixture(`auto-reply/${f}`) })),
      { source: fixture('bounce/dsn-failed.eml') },
      { source: fixture('bounce/classic-qmail.eml') },
      { source: fixture('malformed/missing-message-id.eml') },
      { source: fixture('malformed/broken-mime.eml') },
      { source: fixture('malformed/unknown-charset.eml') },
    ];
    return {
      adapter,
      async setup() {
        sink = await startSmtpSink();
      },
      async teardown() {
        await sink.close();
      },
      context: () => ({
        inboxId: 'inbox-contract',
        publicUrl: 'http://127.0.0.1',
        settings: testSettings({
          smtp: { host: '127.0.0.1', port: sink.port, security: 'none', user: 'support' },
        }),
        secrets: { imapPassword: 'imap-pw', smtpPassword: 'smtp-pw' },
      }),
      validInbound: valid,
      // Email is fetched by our own IMAP client: there is no forged webhook to reject.
      forgedInbound: [],
      malformedInbound: [
        { source: fixture('malformed/no-from.eml') },
        { source: fixture('bounce/no-original.eml') },
        { source: Buffer.alloc(0) },
      ],
      outbound: (key: string): OutboundMessage => ({
        idempotencyKey: key,
        conversation: {
          id: conversationId,
          number: 12,
          subject: 'Order question',
          threadExternalIds: ['<q1@customer.example>'],
        },
        recipient: {
          externalId: 'jane@customer.example',
          name: 'Jane',
          email: 'jane@customer.example',
          phone: null,
        },
        sender: { name: 'Alice' },
        text: 'Hello Jane',
        html: null,
        attachments: [],
      }),
      // A retry carries the same Message-ID, so it is the same message to every mail system.
      deliveredCount: async (key) =>
        new Set(sink.received.map((m) => m.messageId).filter((id) => id?.includes(`.${key}@`)))
          .size,
      failNextSendAsUnavailable: async () => sink.failNext(451, '4.3.0 Try again later'),
    };
  },
);
