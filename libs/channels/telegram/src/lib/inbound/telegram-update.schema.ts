import { z } from 'zod';

/**
 * The parts of Telegram's Update we read (https://core.telegram.org/bots/api#update). Every object
 * is loose: Telegram adds fields all the time, and an unknown field must never cost a message.
 */
const id = z.number().int().safe();
const count = z.number().int().nonnegative();

export const telegramUserSchema = z.looseObject({
  id,
  is_bot: z.boolean().optional(),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});
export type TelegramUser = z.infer<typeof telegramUserSchema>;

export const telegramChatSchema = z.looseObject({
  id,
  type: z.string(),
  title: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});
export type TelegramChat = z.infer<typeof telegramChatSchema>;

export const telegramEntitySchema = z.looseObject({
  type: z.string(),
  offset: count,
  length: count,
  url: z.string().optional(),
});
export type TelegramEntity = z.infer<typeof telegramEntitySchema>;

/** What every downloadable file has. */
const fileFields = {
  file_id: z.string().min(1).max(1024),
  file_unique_id: z.string().min(1).max(255),
  file_size: count.optional(),
};

export const telegramPhotoSizeSchema = z.looseObject({
  ...fileFields,
  width: count,
  height: count,
});
export type TelegramPhotoSize = z.infer<typeof telegramPhotoSizeSchema>;

/** document, audio, video, voice and video_note share this shape (their extras are optional). */
export const telegramFileSchema = z.looseObject({
  ...fileFields,
  file_name: z.string().optional(),
  mime_type: z.string().optional(),
});
export type TelegramFile = z.infer<typeof telegramFileSchema>;

export const telegramStickerSchema = z.looseObject({
  ...fileFields,
  is_animated: z.boolean().optional(),
  is_video: z.boolean().optional(),
  emoji: z.string().optional(),
});
export type TelegramSticker = z.infer<typeof telegramStickerSchema>;

export const telegramLocationSchema = z.looseObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

export const telegramVenueSchema = z.looseObject({
  location: telegramLocationSchema,
  title: z.string(),
  address: z.string(),
});

export const telegramContactSchema = z.looseObject({
  phone_number: z.string(),
  first_name: z.string(),
  last_name: z.string().optional(),
  user_id: id.optional(),
});

export const telegramMessageSchema = z.looseObject({
  message_id: id,
  from: telegramUserSchema.optional(),
  /** Set instead of a person when an anonymous group admin or a channel writes. */
  sender_chat: telegramChatSchema.optional(),
  date: count,
  chat: telegramChatSchema,
  edit_date: count.optional(),
  media_group_id: z.string().min(1).max(255).optional(),
  text: z.string().optional(),
  entities: z.array(telegramEntitySchema).optional(),
  caption: z.string().optional(),
  caption_entities: z.array(telegramEntitySchema).optional(),
  photo: z.array(telegramPhotoSizeSchema).min(1).optional(),
  document: telegramFileSchema.optional(),
  audio: telegramFileSchema.optional(),
  video: telegramFileSchema.optional(),
  voice: telegramFileSchema.optional(),
  video_note: telegramFileSchema.optional(),
  sticker: telegramStickerSchema.optional(),
  location: telegramLocationSchema.optional(),
  venue: telegramVenueSchema.optional(),
  contact: telegramContactSchema.optional(),
});
export type TelegramMessage = z.infer<typeof telegramMessageSchema>;

export const telegramChatMemberUpdatedSchema = z.looseObject({
  chat: telegramChatSchema,
  from: telegramUserSchema,
  date: count,
  old_chat_member: z.looseObject({ status: z.string() }),
  new_chat_member: z.looseObject({ status: z.string(), user: telegramUserSchema }),
});
export type TelegramChatMemberUpdated = z.infer<typeof telegramChatMemberUpdatedSchema>;

/** https://core.telegram.org/bots/api#callbackquery (the message may be inaccessible: chat only). */
export const telegramCallbackQuerySchema = z.looseObject({
  id: z.string().min(1).max(512),
  from: telegramUserSchema,
  message: z.looseObject({ chat: telegramChatSchema }).optional(),
  chat_instance: z.string().optional(),
  /** At most 64 bytes as we sent it. */
  data: z.string().min(1).max(64).optional(),
});
export type TelegramCallbackQuery = z.infer<typeof telegramCallbackQuerySchema>;

/** Only the envelope: a bad inner part is skipped on its own, the update is still answered 200. */
export const telegramUpdateEnvelopeSchema = z.looseObject({ update_id: id });
export type TelegramUpdateEnvelope = z.infer<typeof telegramUpdateEnvelopeSchema>;
