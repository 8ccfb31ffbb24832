import type { ParsedInboundEvent } from '@switchboard/channels-core';

type MessageEvent = Extract<ParsedInboundEvent, { type: 'message' }>;

/**
 * Whether `sb_ingest_message` can store the message alone: no thread hints (the sender's open or a
 * new conversation), and nothing the SQL function does not know about — groups, albums, edits,
 * replies, files still to fetch, profile details, email recipients, the automated-mail flag, or
 * the web page a chat message was written on.
 */
export function suitsFastPath(event: MessageEvent, remoteAttachments: number): boolean {
  const hasHints = Boolean(event.thread?.conversationToken || event.thread?.references?.length);
  if (hasHints || event.thread?.continueLatest === false) return false;
  const chatChannel =
    event.chat || event.album || event.editedAt || remoteAttachments > 0 || event.replyToExternalId;
  const profile = event.sender.username || event.sender.language || event.sender.phone;
  return !(chatChannel || profile || event.automated || event.recipients || event.sourcePage);
}
