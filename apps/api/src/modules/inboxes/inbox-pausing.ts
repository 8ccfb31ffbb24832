import type { InboxEntity } from './entities/inbox.entity';

/**
 * Which inboxes can be paused: those whose messages we fetch ourselves, so a pause only delays them
 * (the mail stays in the mailbox, Telegram keeps a bot's updates for 24 hours). Providers that push
 * to us (webhooks: WhatsApp through Twilio, Telegram with a webhook, the API channel) and the web
 * chat would lose or bounce what a paused inbox refused, so they cannot be paused; an inbox that
 * must stop receiving is removed instead.
 */
export function isPausable(inbox: Pick<InboxEntity, 'kind' | 'settings'>): boolean {
  if (inbox.kind === 'email') return true;
  return inbox.kind === 'telegram' && inbox.settings['delivery'] === 'polling';
}
