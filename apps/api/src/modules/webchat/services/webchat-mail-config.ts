import { z } from 'zod';

/**
 * Fallback transport for follow-up emails when the account has no email inbox: SMTP_URL
 * (smtp://user:pass@host:port) and MAIL_FROM. Read here because only the web chat uses them.
 */
const schema = z.object({
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
});

export interface WebchatMailConfig {
  smtpUrl: string | null;
  mailFrom: string;
}

export const WEBCHAT_MAIL_CONFIG = Symbol('WEBCHAT_MAIL_CONFIG');

export function loadWebchatMailConfig(env: NodeJS.ProcessEnv = process.env): WebchatMailConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.parse(cleaned);
  return {
    smtpUrl: parsed.SMTP_URL ?? null,
    mailFrom: parsed.MAIL_FROM ?? 'Switchboard <no-reply@localhost>',
  };
}
