import { ImapFlow } from 'imapflow';
import type { InboxContext } from '@switchboard/channels-core';
import type { EmailSecrets, EmailSettings } from '../email-settings.schema';
import { imapClientOptions } from '../shared/server-options';

/** Keeps a copy of what we sent where the team's mail client expects it. */
export interface SentCopyStore {
  append(raw: Buffer, ctx: InboxContext<EmailSettings, EmailSecrets>): Promise<void>;
}

/** Appends to the configured Sent folder over IMAP, marked \Seen so it does not show as unread. */
export class ImapSentFolder implements SentCopyStore {
  async append(raw: Buffer, ctx: InboxContext<EmailSettings, EmailSecrets>): Promise<void> {
    const folder = ctx.settings.imap.sentFolder;
    if (!folder) return;
    const client = new ImapFlow({
      ...imapClientOptions(ctx.settings, ctx.secrets),
      disableAutoIdle: true,
    });
    // A dropped connection emits 'error'; without a listener that would crash the process.
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.append(folder, raw, ['\\Seen']);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }
}
