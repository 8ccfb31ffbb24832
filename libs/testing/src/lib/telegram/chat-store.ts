export type TelegramObject = Record<string, unknown>;

/**
 * The chats a bot knows (a customer wrote there, or a test introduced it), each with its own
 * message_id sequence, the messages in it, and the users who blocked the bot.
 */
export class ChatStore {
  private readonly chats = new Map<number, TelegramObject>();
  private readonly lastMessageId = new Map<number, number>();
  private readonly messages = new Map<string, TelegramObject>();
  private readonly blocked = new Set<number>();

  remember(chat: TelegramObject): void {
    if (typeof chat['id'] !== 'number') return;
    this.chats.set(chat['id'], { ...this.chats.get(chat['id']), ...chat });
  }

  get(chatId: number): TelegramObject | undefined {
    return this.chats.get(chatId);
  }

  /** `@username` of a known chat. */
  byUsername(username: string): TelegramObject | undefined {
    const wanted = username.toLowerCase();
    for (const chat of this.chats.values()) {
      if (typeof chat['username'] === 'string' && chat['username'].toLowerCase() === wanted) {
        return chat;
      }
    }
    return undefined;
  }

  nextMessageId(chatId: number): number {
    const id = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, id);
    return id;
  }

  /** Keeps a message so it can be replied to and edited; raw updates may bring their own ids. */
  storeMessage(message: TelegramObject): void {
    const chat = message['chat'] as TelegramObject | undefined;
    const chatId = chat?.['id'];
    const messageId = message['message_id'];
    if (typeof chatId !== 'number' || typeof messageId !== 'number') return;
    this.messages.set(`${chatId}:${messageId}`, message);
    if (messageId > (this.lastMessageId.get(chatId) ?? 0)) {
      this.lastMessageId.set(chatId, messageId);
    }
  }

  message(chatId: number, messageId: number): TelegramObject | undefined {
    return this.messages.get(`${chatId}:${messageId}`);
  }

  block(userId: number): void {
    this.blocked.add(userId);
  }

  unblock(userId: number): void {
    this.blocked.delete(userId);
  }

  isBlocked(chatId: number): boolean {
    return this.blocked.has(chatId);
  }
}
