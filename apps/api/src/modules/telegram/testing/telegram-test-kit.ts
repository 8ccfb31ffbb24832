import type { ConversationSummaryDto, InboxDto, Page } from '@switchboard/contracts';
import { eventually, type ApiClient, type FakeTelegramUser } from '@switchboard/testing';

/** A token in Telegram's shape: `<bot id>:<35 characters>`. */
export function botToken(id: number, fill = 'A'): string {
  return `${id}:${fill.repeat(35)}`;
}

export function customer(id: number, first: string, username?: string): FakeTelegramUser {
  return { id, first_name: first, last_name: 'Tester', username, language_code: 'de' };
}

export function connectTelegram(admin: ApiClient, token: string, name = 'Telegram') {
  return admin.request<InboxDto>('POST', '/api/inboxes', {
    kind: 'telegram',
    name,
    secrets: { botToken: token },
  });
}

/** The conversation of a contact (by name), once it exists. */
export function conversationOf(admin: ApiClient, contactName: string, timeoutMs = 10_000) {
  return eventually(async () => {
    const page = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?status=open&limit=100',
    );
    return page.items.find((c) => c.contact.name === contactName);
  }, timeoutMs);
}

/** A text message in a user's private chat, as Telegram writes it in an update. */
export function rawMessage(
  user: FakeTelegramUser,
  messageId: number,
  text: string,
  extra: Record<string, unknown> = {},
) {
  return {
    message_id: messageId,
    chat: { id: user.id, type: 'private', first_name: user.first_name },
    from: { id: user.id, is_bot: false, first_name: user.first_name, last_name: user.last_name },
    date: Math.floor(Date.now() / 1000),
    text,
    ...extra,
  };
}

/** A text update from a private chat, as Telegram would POST it. */
export function privateUpdate(updateId: number, userId: number, text: string) {
  return {
    update_id: updateId,
    message: rawMessage({ id: userId, first_name: 'Mallory' }, 1, text),
  };
}

export {
  downloadFile,
  PDF,
  PNG,
  postJson,
  timeline,
  timelineWhen,
} from '../../channels/testing/channel-test-kit';
