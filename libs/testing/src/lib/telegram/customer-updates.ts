import type { BotState } from './bot-state';
import type { TelegramObject } from './chat-store';
import type {
  TelegramAudioOptions,
  TelegramContactCard,
  TelegramDocumentOptions,
  FakeChatOrUser,
  FakeTelegramChat,
  FakeTelegramUser,
  TelegramMediaOptions,
  TelegramStickerOptions,
  Update,
  TelegramVideoNoteOptions,
  TelegramVideoOptions,
  TelegramVoiceOptions,
} from './fake-bot-types';
import { callbackQueryFor } from './inline-keyboards';
import { chatObject, compact, mediaObject, photoSizes, userObject } from './media-objects';

const unixNow = (): number => Math.floor(Date.now() / 1000);

/**
 * The customer side of a bot: each method makes something happen in Telegram (a message, an
 * edit, a block) and queues the update it produces for the webhook or getUpdates.
 */
export class CustomerUpdates {
  constructor(protected readonly state: BotState) {}

  async privateText(
    from: FakeTelegramUser,
    text: string,
    opts: { entities?: unknown[]; replyToMessageId?: number } = {},
  ): Promise<Update> {
    return this.customerMessage(
      from,
      from,
      { text, entities: opts.entities },
      opts.replyToMessageId,
    );
  }

  async groupText(
    chat: FakeTelegramChat,
    from: FakeTelegramUser,
    text: string,
    opts: { entities?: unknown[]; replyToMessageId?: number } = {},
  ): Promise<Update> {
    return this.customerMessage(
      chat,
      from,
      { text, entities: opts.entities },
      opts.replyToMessageId,
    );
  }

  async photo(
    chat: FakeChatOrUser,
    from: FakeTelegramUser,
    bytes: Buffer,
    opts: TelegramMediaOptions = {},
  ): Promise<Update> {
    return this.customerMessage(chat, from, {
      media_group_id: opts.mediaGroupId,
      photo: photoSizes(this.state.files, bytes, opts.announcedSize),
      caption: opts.caption,
    });
  }

  async document(
    chat: FakeChatOrUser,
    from: FakeTelegramUser,
    bytes: Buffer,
    opts: TelegramDocumentOptions,
  ): Promise<Update> {
    return this.customerMessage(chat, from, {
      media_group_id: opts.mediaGroupId,
      document: this.media(
        'document',
        bytes,
        { file_name: opts.fileName, mime_type: opts.mimeType },
        opts,
      ),
      caption: opts.caption,
    });
  }

  async voice(
    chat: FakeChatOrUser,
    from: FakeTelegramUser,
    bytes: Buffer,
    opts: TelegramVoiceOptions = {},
  ): Promise<Update> {
    const voice = this.media(
      'voice',
      bytes,
      { duration: opts.duration ?? 1, mime_type: 'audio/ogg' },
      opts,
    );
    return this.customerMessage(chat, from, { voice, caption: opts.caption });
  }

  async audio(
    chat: FakeChatOrUser,
    from: FakeTelegramUser,
    bytes: Buffer,
    opts: TelegramAudioOptions = {},
  ): Promise<Update> {
    const audio = this.media(
      'audio',
      bytes,
      {
        duration: opts.duration ?? 1,
        performer: opts.performer,
        title: opts.title,
        file_name: opts.fileName,
        mime_type: opts.mimeType ?? 'audio/mpeg',
      },
      opts,
    );
    return this.customerMessage(chat, from, {
      media_group_id: opts.mediaGroupId,
      audio,
      caption: opts.caption,
    });
  }

  async video(
    chat: FakeChatOrUser,
    from: FakeTelegramUser,
    bytes: Buffer,
    opts: TelegramVideoOptions = {},
  ): Promise<Update> {
    const video = this.media(
      'video',
      bytes,
      {
        width: opts.width ?? 1280,
        height: opts.height ?? 720,
        duration: opts.duration ?? 1,
        file_name: opts.fileName,
        mime_type: opts.mimeType ?? 'video/mp4',
      },
      opts,
    );
    return this.customerMessage(chat, from, {
      media_group_id: opts.mediaGroupId,
      video,
      caption: opts.caption,
    });
  }

  async videoNote(
    chat: FakeChatOrUser,
    from: FakeTelegramUser,
    bytes: Buffer,
    opts: TelegramVideoNoteOptions = {},
  ): Promise<Update> {
    const note = this.media(
      'video_note',
      bytes,
      { length: opts.length ?? 240, duration: opts.duration ?? 1 },
      opts,
    );
    return this.customerMessage(chat, from, { video_note: note });
  }

  async sticker(
    chat: FakeChatOrUser,
    from: FakeTelegramUser,
    bytes: Buffer,
    opts: TelegramStickerOptions = {},
  ): Promise<Update> {
    const sticker = this.media(
      'sticker',
      bytes,
      {
        width: 512,
        height: 512,
        emoji: opts.emoji ?? '🙂',
        is_animated: false,
        is_video: false,
        type: 'regular',
      },
      opts,
    );
    return this.customerMessage(chat, from, { sticker });
  }

  async location(
    chat: FakeChatOrUser,
    from: FakeTelegramUser,
    lat: number,
    lon: number,
  ): Promise<Update> {
    return this.customerMessage(chat, from, { location: { latitude: lat, longitude: lon } });
  }

  async contact(
    chat: FakeChatOrUser,
    from: FakeTelegramUser,
    c: TelegramContactCard,
  ): Promise<Update> {
    return this.customerMessage(chat, from, { contact: compact({ ...c }) });
  }

  async edit(original: Update, newText: string): Promise<Update> {
    const message = (original['message'] ?? original['edited_message']) as
      TelegramObject | undefined;
    const chat = message?.['chat'] as TelegramObject | undefined;
    if (!message || !chat) throw new Error('edit() needs an update that carries a message');
    const current =
      this.state.chats.message(chat['id'] as number, message['message_id'] as number) ?? message;
    const { entities: _e, caption_entities: _c, ...rest } = current;
    const textKey = 'text' in current ? 'text' : 'caption';
    const edited: TelegramObject = {
      ...rest,
      [textKey]: newText,
      edit_date: Math.max(unixNow(), (current['date'] as number) + 1),
    };
    this.state.chats.storeMessage(edited);
    return this.produce({ edited_message: edited });
  }

  async blockedBy(user: FakeTelegramUser): Promise<Update> {
    this.state.chats.block(user.id);
    return this.memberChange(user, { status: 'member' }, { status: 'kicked', until_date: 0 });
  }

  async unblockedBy(user: FakeTelegramUser): Promise<Update> {
    this.state.chats.unblock(user.id);
    return this.memberChange(user, { status: 'kicked', until_date: 0 }, { status: 'member' });
  }

  async deliverRaw(update: Record<string, unknown>): Promise<Record<string, unknown>> {
    const copy = { ...update };
    if (typeof copy['update_id'] === 'number') this.state.noteUpdateId(copy['update_id']);
    else copy['update_id'] = this.state.nextUpdateId();
    for (const key of ['message', 'edited_message', 'channel_post', 'edited_channel_post']) {
      const message = copy[key];
      if (typeof message !== 'object' || message === null) continue;
      const chat = (message as TelegramObject)['chat'];
      if (typeof chat === 'object' && chat !== null)
        this.state.chats.remember(chat as TelegramObject);
      this.state.chats.storeMessage(message as TelegramObject);
    }
    // A test delivering a raw update wants it delivered, whatever allowed_updates says.
    this.state.enqueue(copy as Update, { bypassFilter: true });
    return copy;
  }

  async redeliver(update: Update): Promise<void> {
    this.state.enqueue(update, { redelivery: true, bypassFilter: true });
  }

  async pressButton(
    from: FakeTelegramUser,
    sent: { chatId: number; messageId: number },
    data: string,
  ): Promise<Update> {
    const query = callbackQueryFor(this.state, userObject(from), sent.chatId, sent.messageId, data);
    return this.produce({ callback_query: query });
  }

  knowChat(chat: FakeChatOrUser): void {
    this.state.chats.remember(chatObject(chat));
  }

  private media(
    kind: 'document' | 'voice' | 'audio' | 'video' | 'video_note' | 'sticker',
    bytes: Buffer,
    fields: Record<string, unknown>,
    opts: { announcedSize?: number },
  ): TelegramObject {
    return mediaObject(this.state.files, kind, bytes, fields, opts.announcedSize);
  }

  private customerMessage(
    where: FakeChatOrUser,
    from: FakeTelegramUser,
    content: Record<string, unknown>,
    replyToMessageId?: number,
  ): Update {
    const chat = chatObject(where);
    this.state.chats.remember(chat);
    const chatId = chat['id'] as number;
    let reply: TelegramObject | undefined;
    if (replyToMessageId !== undefined) {
      const original = this.state.chats.message(chatId, replyToMessageId);
      if (!original)
        throw new Error(`no message ${replyToMessageId} in chat ${chatId} to reply to`);
      const { reply_to_message: _nested, ...replied } = original;
      reply = replied;
    }
    const message = compact({
      message_id: this.state.chats.nextMessageId(chatId),
      from: userObject(from),
      chat,
      date: unixNow(),
      reply_to_message: reply,
      ...content,
    });
    this.state.chats.storeMessage(message);
    return this.produce({ message });
  }

  private memberChange(
    user: FakeTelegramUser,
    before: TelegramObject,
    after: TelegramObject,
  ): Update {
    const chat = chatObject(user);
    this.state.chats.remember(chat);
    return this.produce({
      my_chat_member: {
        chat,
        from: userObject(user),
        date: unixNow(),
        old_chat_member: { user: this.state.user, ...before },
        new_chat_member: { user: this.state.user, ...after },
      },
    });
  }

  private produce(payload: Record<string, unknown>): Update {
    const update: Update = { update_id: this.state.nextUpdateId(), ...payload };
    this.state.enqueue(update);
    return update;
  }
}
