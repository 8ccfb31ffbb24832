import {
  EMAIL_OAUTH_PROVIDERS,
  preChatFieldListSchema,
  signatureTemplateSchema,
  type EmailOAuthProvider,
} from '@switchboard/contracts';
import { z } from 'zod';

/**
 * How a connection is protected. `tls` = TLS from the first byte (IMAPS 993, SMTPS 465);
 * `starttls` = plain connect, then a required upgrade (IMAP 143, submission 587); `none` = never
 * encrypted, only for loopback test servers.
 */
export const EMAIL_SECURITY_MODES = ['tls', 'starttls', 'none'] as const;
export type EmailSecurityMode = (typeof EMAIL_SECURITY_MODES)[number];

const hostSchema = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'host must be a hostname or an IP address');

const serverSchema = z.object({
  host: hostSchema,
  port: z.number().int().min(1).max(65535),
  security: z.enum(EMAIL_SECURITY_MODES),
  user: z.string().min(1).max(320),
});

export const emailSettingsSchema = z.object({
  /** The support address customers write to; also the From address of our replies. */
  fromAddress: z.email().max(254),
  /** Team name shown in From next to the operator's name ("Alice (Acme Support)"). */
  fromName: z.string().trim().max(120).nullish(),
  imap: serverSchema.extend({
    /** Mailbox that receives customer mail. */
    mailbox: z.string().min(1).max(255).default('INBOX'),
    /** Where a copy of every sent reply is appended; null = do not keep copies. */
    sentFolder: z.string().min(1).max(255).nullish(),
  }),
  smtp: serverSchema,
  /** How much history the first connect imports. 0 = only mail that arrives from now on. */
  historyDays: z.number().int().min(0).max(3650).default(30),
  /** Put a conversation token in the subject of replies: survives clients that drop threading headers. */
  subjectToken: z.boolean().default(true),
  /**
   * Put the token in a plus-address Reply-To (support+c…@example.com). Only enable it when the mail
   * server delivers plus-addresses to the same mailbox, or replies bounce.
   */
  replyToToken: z.boolean().default(false),
  /** Attachments larger than this are not stored (the message is, with a note). */
  maxAttachmentBytes: z
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(25 * 1024 * 1024),
  /**
   * Automatic acknowledgement sent when a customer's mail opens a new conversation; null = none.
   * Never sent to automatic mail (RFC 3834), marked Auto-Submitted: auto-replied, capped per hour.
   */
  autoAcknowledgement: z.string().trim().min(1).max(5000).nullish(),
  /**
   * The inbox's signature under every operator reply, with placeholders ({{operator.name}},
   * {{inbox.name}}…; {{operator.signature}} places the operator's own). See composeSignature.
   */
  signature: signatureTemplateSchema('inbox').nullish(),
  /** Inbound messages per conversation per hour above which further mail is refused (loop guard). */
  hourlyMessageCap: z.number().int().min(1).max(10_000).default(30),
  /**
   * A server whose self-signed certificate is accepted: exactly the IMAP or SMTP host name it
   * applies to; no other host is affected. Off (null) by default. See tls-trust.ts.
   */
  selfSignedCertificateHost: hostSchema.nullish(),
  /** Asked on the customer portal's New request form when the portal files requests here. */
  preChatFields: preChatFieldListSchema.optional(),
});
export type EmailSettings = z.output<typeof emailSettingsSchema>;
export type EmailSettingsInput = z.input<typeof emailSettingsSchema>;

export { EMAIL_OAUTH_PROVIDERS, type EmailOAuthProvider };

const passwordSecretsSchema = z.object({
  auth: z.literal('password'),
  imapPassword: z.string().min(1).max(1024),
  smtpPassword: z.string().min(1).max(1024),
});

/**
 * Set only by the OAuth callback (never typed in): the grant's refresh token and the current
 * access token, for `account` (the mailbox the provider signed in, which is the IMAP user).
 */
const oauthSecretsSchema = z.object({
  auth: z.literal('oauth'),
  provider: z.enum(EMAIL_OAUTH_PROVIDERS),
  account: z.string().min(3).max(320),
  refreshToken: z.string().min(1).max(8192),
  accessToken: z.string().min(1).max(16_384),
  accessTokenExpiresAt: z.iso.datetime({ offset: true }),
});
export type EmailOAuthSecrets = z.output<typeof oauthSecretsSchema>;

/**
 * Passwords or OAuth tokens. Password secrets carry no `auth` (those stored before OAuth existed
 * never had one, and stay exactly as they were); `auth: "password"` switches an inbox back.
 */
export const emailSecretsSchema = z
  .preprocess(
    (value) =>
      typeof value === 'object' && value !== null && !('auth' in value)
        ? { ...value, auth: 'password' }
        : value,
    z.discriminatedUnion('auth', [passwordSecretsSchema, oauthSecretsSchema]),
  )
  .transform((secrets): EmailSecrets => {
    if (secrets.auth === 'oauth') return secrets;
    const { imapPassword, smtpPassword } = secrets;
    return { imapPassword, smtpPassword };
  });
/** Password secrets; `auth` is absent from those stored before OAuth existed. */
export type EmailPasswordSecrets = Omit<z.output<typeof passwordSecretsSchema>, 'auth'> & {
  auth?: 'password';
};
export type EmailSecrets = EmailPasswordSecrets | EmailOAuthSecrets;

/** The domain of our own Message-IDs: the support address's domain. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return (at >= 0 ? address.slice(at + 1) : address).toLowerCase();
}
