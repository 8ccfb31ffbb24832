import {
  ChannelError,
  type ChannelAdapter,
  type ChannelManifest,
  type InboundEvent,
  type InboxContext,
  type SendResult,
} from '@switchboard/channels-core';
import { checkEmailConnection, type ConnectionCheckResult } from './check/connection-check';
import {
  emailSecretsSchema,
  emailSettingsSchema,
  type EmailSecrets,
  type EmailSettings,
} from './email-settings.schema';
import { parseRawEmail, type RawEmail } from './parse/email-parser';
import { composeReply, type EmailOutboundMessage } from './send/reply-composer';
import { ImapSentFolder, type SentCopyStore } from './send/sent-folder';
import { mapSmtpError } from './send/smtp-error-mapper';
import { deliverOverSmtp } from './send/smtp-sender';

export type EmailInboxContext = InboxContext<EmailSettings, EmailSecrets>;

export interface EmailChannelAdapterOptions {
  /** Where copies of sent mail go; defaults to the inbox's IMAP Sent folder. */
  sentCopies?: SentCopyStore;
  /** Told when keeping a sent copy failed: the reply itself went out, so this never fails the send. */
  onSentCopyError?: (err: unknown, ctx: EmailInboxContext) => void;
  /**
   * The inbox's secrets with a current OAuth access token (refreshed and stored by the caller);
   * `refusedToken` is one a server just refused, which must not be handed out again. Password
   * secrets pass through. Without it, OAuth secrets are used as they are.
   */
  freshSecrets?: (
    ctx: EmailInboxContext,
    options: { refusedToken?: string },
  ) => Promise<EmailSecrets>;
}

export const EMAIL_MANIFEST: ChannelManifest<EmailSettings, EmailSecrets> = {
  kind: 'email',
  displayName: 'Email (IMAP + SMTP)',
  settingsSchema: emailSettingsSchema,
  secretsSchema: emailSecretsSchema,
  capabilities: {
    attachments: true,
    deliveryReceipts: false,
    readReceipts: false,
    html: true,
    replyWindowHours: null,
    maxTextLength: 100_000,
    maxAttachmentBytes: 25 * 1024 * 1024,
  },
};

/**
 * Email as a channel: customers' mail comes from our own IMAP client (the sync in the API), replies
 * leave over SMTP. Plain class, no database: the core stores, dedupes and retries.
 */
export class EmailChannelAdapter implements ChannelAdapter<EmailSettings, EmailSecrets, RawEmail> {
  readonly manifest = EMAIL_MANIFEST;
  private readonly sentCopies: SentCopyStore;

  constructor(private readonly options: EmailChannelAdapterOptions = {}) {
    this.sentCopies = options.sentCopies ?? new ImapSentFolder();
  }

  /**
   * Email has no webhook: every message reaches us through the IMAP connection we opened with the
   * inbox's own credentials, so input that is a fetched message is authentic by construction.
   */
  verifyWebhook(input: RawEmail): boolean {
    return Buffer.isBuffer(input.source) && input.source.length > 0;
  }

  parseInbound(input: RawEmail, ctx: EmailInboxContext): Promise<InboundEvent[]> {
    return parseRawEmail(input, {
      inboxId: ctx.inboxId,
      settings: emailSettingsSchema.parse(ctx.settings),
    });
  }

  async send(message: EmailOutboundMessage, ctx: EmailInboxContext): Promise<SendResult> {
    const parsed = emailSettingsSchema.safeParse(ctx.settings);
    if (!parsed.success) {
      return {
        ok: false,
        error: new ChannelError(
          'CONFIG_INVALID',
          `Email inbox settings are invalid: ${parsed.error.message}`,
        ),
      };
    }
    const settings = parsed.data;
    const full: EmailInboxContext = { ...ctx, settings };
    let reply;
    try {
      reply = await composeReply(message, full);
    } catch (err) {
      return {
        ok: false,
        error:
          err instanceof ChannelError ? err : new ChannelError('CONTENT_REJECTED', String(err)),
      };
    }
    let secrets: EmailSecrets;
    try {
      secrets = await this.currentSecrets(full);
      await deliverOverSmtp(reply, settings, secrets).catch(async (err: unknown) => {
        // A token the server refused may have been revoked early or expired: one more try with a
        // new one. A refused login comes before MAIL FROM, so nothing can be sent twice.
        if (secrets.auth !== 'oauth' || mapSmtpError(err).code !== 'AUTH_FAILED') throw err;
        secrets = await this.currentSecrets(full, secrets.accessToken);
        await deliverOverSmtp(reply, settings, secrets);
      });
    } catch (err) {
      return { ok: false, error: err instanceof ChannelError ? err : mapSmtpError(err) };
    }
    const sent: EmailInboxContext = { ...full, secrets };
    return {
      ok: true,
      externalId: reply.messageId,
      // A large copy can take minutes over IMAP: it must not hold the outcome back.
      afterRecorded: () =>
        this.sentCopies
          .append(reply.raw, sent, reply.messageId)
          .catch((err: unknown) => this.options.onSentCopyError?.(err, sent)),
    };
  }

  /**
   * The secrets to log in with now: for OAuth inboxes, with a current access token (renewed by the
   * `freshSecrets` hook), never `refusedToken`, which a server just refused. Throws a ChannelError.
   */
  async currentSecrets(ctx: EmailInboxContext, refusedToken?: string): Promise<EmailSecrets> {
    if (!this.options.freshSecrets || ctx.secrets.auth !== 'oauth') return ctx.secrets;
    try {
      return await this.options.freshSecrets(ctx, { refusedToken });
    } catch (err) {
      // Revoked: AUTH_FAILED (the inbox shows "reconnect"); the provider unreachable: try later.
      if (err instanceof ChannelError) throw err;
      throw new ChannelError(
        'UNAVAILABLE',
        `Could not renew the mailbox's access token: ${String(err)}`,
      );
    }
  }

  /** Logs in to IMAP and SMTP with these settings; used when an inbox is saved. */
  checkConnection(settings: EmailSettings, secrets: EmailSecrets): Promise<ConnectionCheckResult> {
    return checkEmailConnection(
      emailSettingsSchema.parse(settings),
      emailSecretsSchema.parse(secrets),
    );
  }
}
