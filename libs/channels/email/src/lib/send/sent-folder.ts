import { ImapFlow } from 'imapflow';
import type { InboxContext } from '@switchboard/channels-core';
import type { EmailSecrets, EmailSettings } from '../email-settings.schema';
import { imapClientOptions } from '../shared/server-options';

/** Keeps a copy of what we sent where the team's mail client expects it. */
export interface SentCopyStore {
  /** Appends `raw` unless a copy with this Message-ID is already there (a deliberate resend). */
  append(
    raw: Buffer,
    ctx: InboxContext<EmailSettings, EmailSecrets>,
    messageId: string,
  ): Promise<void>;
}

/** Appends to the configured Sent folder over IMAP, marked \Seen so it does not show as unread. */
export class ImapSentFolder implements SentCopyStore {
  async append(
    raw: Buffer,
    ctx: InboxContext<EmailSettings, EmailSecrets>,
    messageId: string,
  ): Promise<void> {
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
      if (await hasCopy(client, folder, messageId)) return;
      await client.append(folder, raw, ['\\Seen']);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }
}

/** One copy per Message-ID: the same message sent again on purpose is still one mail. */
async function hasCopy(client: ImapFlow, folder: string, messageId: string): Promise<boolean> {
  const lock = await client.getMailboxLock(folder, { readOnly: true });
  try {
    const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
    return Array.isArray(found) && found.length > 0;
  } finally {
    lock.release();
  }
}
