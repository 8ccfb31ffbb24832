import type { InboundEvent, InboundMessageEvent, InboundSender } from '@switchboard/channels-core';
import type { ZodError } from 'zod';
import { cut, fullName, languageTag } from './inbound-names';
import { messageContent } from './message-content';
import {
  telegramCallbackQuerySchema,
  telegramChatMemberUpdatedSchema,
  telegramMessageSchema,
  type TelegramChatMemberUpdated,
  type TelegramMessage,
  type TelegramUpdateEnvelope,
} from './telegram-update.schema';

/** The update kinds we ask Telegram for (setWebhook / getUpdates `allowed_updates`). */
export const TELEGRAM_ALLOWED_UPDATES = [
  'message',
  'edited_message',
  'my_chat_member',
  'callback_query',
] as const;

/**
 * One Telegram Update (webhook body or getUpdates entry) as inbound events. Never throws for a
 * valid envelope: a part we cannot read, or an update kind we do not handle, becomes an `ignored`
 * event, because Telegram redelivers anything not answered 200 for as long as it keeps updates.
 */
export function parseUpdate(update: TelegramUpdateEnvelope): InboundEvent[] {
  const id = `update:${update.update_id}`;
  if (update.message !== undefined) return parseMessageUpdate(update.message, id, false);
  if (update.edited_message !== undefined)
    return parseMessageUpdate(update.edited_message, id, true);
  if (update.my_chat_member !== undefined) return parseMemberUpdate(update.my_chat_member, id);
  if (update.callback_query !== undefined) return parseCallbackQuery(update.callback_query, id);
  const kind = Object.keys(update).find((key) => key !== 'update_id') ?? 'empty';
  return [ignored(id, `Telegram update of kind "${cut(kind, 64)}" is not handled`)];
}

function parseMessageUpdate(raw: unknown, id: string, edited: boolean): InboundEvent[] {
  const parsed = telegramMessageSchema.safeParse(raw);
  if (!parsed.success) return [ignored(id, `Unreadable Telegram message: ${issues(parsed.error)}`)];
  const m = parsed.data;
  const event = messageEvent(m, id, edited);
  if (event.type !== 'message' || !edited) return [event];
  return [
    {
      type: 'edit',
      externalId: event.externalId,
      editedAt: event.editedAt ?? event.sentAt,
      message: event,
    },
  ];
}

function messageEvent(m: TelegramMessage, id: string, edited: boolean): InboundEvent {
  const content = messageContent(m);
  if (content.kind === 'service')
    return ignored(
      id,
      `Telegram service message (${cut(content.key, 64)}) is not a customer message`,
    );
  if (content.kind === 'unknown')
    return ignored(
      id,
      `Telegram message without content this version understands (${cut(content.keys.join(', '), 200) || 'empty'})`,
    );
  if (m.chat.type === 'channel') return ignored(id, 'Telegram channel posts are not handled');
  const sender = senderOf(m);
  if (!sender) return ignored(id, 'Telegram message without a sender');
  const group = m.chat.type !== 'private';
  const event: InboundMessageEvent = {
    type: 'message',
    // Telegram's own ids: stable across redelivery, unlike update_id's position in a queue.
    externalId: `${m.chat.id}:${m.message_id}`,
    sender,
    text: content.text,
    attachments: content.attachments,
    sentAt: new Date(m.date * 1000),
  };
  if (group)
    event.chat = {
      externalId: String(m.chat.id),
      title: m.chat.title ? cut(m.chat.title, 255) : null,
    };
  if (m.media_group_id) event.album = { key: `${m.chat.id}:album:${m.media_group_id}` };
  if (edited) event.editedAt = new Date((m.edit_date ?? m.date) * 1000);
  return event;
}

function senderOf(m: TelegramMessage): InboundSender | null {
  // An anonymous group admin writes "as the group": from is Telegram's placeholder bot then.
  if (m.sender_chat)
    return {
      externalId: String(m.sender_chat.id),
      name: m.sender_chat.title ? cut(m.sender_chat.title, 255) : null,
      username: m.sender_chat.username ? cut(m.sender_chat.username, 64) : null,
    };
  if (!m.from) return null;
  return {
    externalId: String(m.from.id),
    name: fullName(m.from.first_name, m.from.last_name),
    username: m.from.username ? cut(m.from.username, 64) : null,
    language: languageTag(m.from.language_code),
  };
}

function parseMemberUpdate(raw: unknown, id: string): InboundEvent[] {
  const parsed = telegramChatMemberUpdatedSchema.safeParse(raw);
  if (!parsed.success)
    return [ignored(id, `Unreadable Telegram membership change: ${issues(parsed.error)}`)];
  const change = reachabilityChange(parsed.data);
  if (!change)
    return [
      ignored(
        id,
        `Telegram membership change to "${cut(parsed.data.new_chat_member.status, 32)}" needs no action`,
      ),
    ];
  return [
    {
      type: 'reachability',
      externalId: String(parsed.data.chat.id),
      reachable: change.reachable,
      reason: change.reason,
      at: new Date(parsed.data.date * 1000),
    },
  ];
}

/** What the bot's own membership change means for reaching the chat, if anything. */
function reachabilityChange(
  u: TelegramChatMemberUpdated,
): { reachable: boolean; reason: string } | null {
  const status = u.new_chat_member.status;
  if (u.chat.type === 'private') {
    if (status === 'kicked') return { reachable: false, reason: 'The customer blocked the bot' };
    if (status === 'member') return { reachable: true, reason: 'The customer unblocked the bot' };
    return null;
  }
  if (u.chat.type !== 'group' && u.chat.type !== 'supergroup') return null;
  if (status === 'left' || status === 'kicked')
    return { reachable: false, reason: 'The bot was removed from the group' };
  if (status === 'member' || status === 'administrator')
    return { reachable: true, reason: 'The bot was added to the group' };
  return null;
}

/**
 * A press on an inline keyboard button we sent. The chat it was pressed in is the identity that
 * answers (in a private chat, the user). Answered later with answerCallbackQuery.
 */
function parseCallbackQuery(raw: unknown, id: string): InboundEvent[] {
  const parsed = telegramCallbackQuerySchema.safeParse(raw);
  if (!parsed.success)
    return [ignored(id, `Unreadable Telegram button press: ${issues(parsed.error)}`)];
  const q = parsed.data;
  if (q.data === undefined) return [ignored(id, 'Telegram button press without callback_data')];
  return [
    {
      type: 'button_press',
      externalId: q.id,
      senderExternalId: String(q.message?.chat.id ?? q.from.id),
      data: q.data,
      at: new Date(),
    },
  ];
}

function ignored(externalId: string, reason: string): InboundEvent {
  return { type: 'ignored', externalId, reason: cut(reason, 500) };
}

function issues(error: ZodError): string {
  return cut(
    error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    400,
  );
}
