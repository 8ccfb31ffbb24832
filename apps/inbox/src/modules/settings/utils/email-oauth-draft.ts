import type { EmailOAuthProvider, ReopenPolicy } from '@switchboard/contracts';
import { settingsFromForm, type InboxFormValues } from './inbox-forms';

/**
 * The providers' IMAP and SMTP servers (as in libs/channels/email's oauth-providers, which the SPA
 * cannot import): a new inbox connected with a provider uses them where the form names no server.
 */
const SERVERS: Record<
  EmailOAuthProvider,
  { imap: Record<string, unknown>; smtp: Record<string, unknown> }
> = {
  google: {
    imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
  },
  microsoft: {
    imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
  },
};

export interface EmailOAuthDraft {
  name: string;
  reopenPolicy: ReopenPolicy;
  settings: Record<string, unknown>;
}

/**
 * A new inbox as the form describes it, signing in as its mailbox (the IMAP user, else the From
 * address), on the provider's servers unless the form names others. Null while the name or the
 * mailbox is missing.
 */
export function emailOAuthDraft(
  provider: EmailOAuthProvider,
  values: InboxFormValues,
): EmailOAuthDraft | null {
  const settings = settingsFromForm('email', values);
  const imap = (settings['imap'] ?? {}) as Record<string, unknown>;
  const smtp = (settings['smtp'] ?? {}) as Record<string, unknown>;
  const mailbox =
    (typeof imap['user'] === 'string' && imap['user']) ||
    (typeof settings['fromAddress'] === 'string' && settings['fromAddress']) ||
    '';
  const name = values.name.trim();
  if (!name || !mailbox.includes('@')) return null;
  const servers = SERVERS[provider];
  return {
    name,
    reopenPolicy: values.reopenPolicy,
    settings: {
      ...settings,
      fromAddress: settings['fromAddress'] || mailbox,
      imap: { ...(imap['host'] ? imap : { ...imap, ...servers.imap }), user: mailbox },
      smtp: { ...(smtp['host'] ? smtp : { ...smtp, ...servers.smtp }), user: mailbox },
    },
  };
}
