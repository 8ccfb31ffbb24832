import type { ConversationSummaryDto, InboxDto, MessageDto, Page } from '@switchboard/contracts';
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

export async function timeline(admin: ApiClient, conversationId: string): Promise<MessageDto[]> {
  const page = await admin.ok<Page<MessageDto>>(
    'GET',
    `/api/conversations/${conversationId}/messages?limit=100`,
  );
  return [...page.items].reverse();
}

/** The timeline once `predicate` holds for it. */
export function timelineWhen(
  admin: ApiClient,
  conversationId: string,
  predicate: (messages: MessageDto[]) => boolean,
  timeoutMs = 10_000,
): Promise<MessageDto[]> {
  return eventually(async () => {
    const messages = await timeline(admin, conversationId);
    return predicate(messages) && messages;
  }, timeoutMs);
}
