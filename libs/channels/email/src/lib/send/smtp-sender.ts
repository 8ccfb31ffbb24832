import { createTransport } from 'nodemailer';
import type { EmailSecrets, EmailSettings } from '../email-settings.schema';
import { smtpTransportOptions } from '../shared/server-options';
import type { ComposedReply } from './reply-composer';

/** Hands one composed message to the configured SMTP server; throws nodemailer's error on failure. */
export async function deliverOverSmtp(
  reply: ComposedReply,
  settings: EmailSettings,
  secrets: EmailSecrets,
): Promise<void> {
  // One connection per message: sends are rare next to reads, and a pooled connection would keep
  // a dead or reconfigured server's session around between sends.
  const transport = createTransport(smtpTransportOptions(settings, secrets));
  try {
    await transport.sendMail({ envelope: reply.envelope, raw: reply.raw });
  } finally {
    transport.close();
  }
}
