import type { InboundRemoteFile } from '@switchboard/channels-core';
import { fullName, safeContentType, safeFilename } from './inbound-names';
import { textWithLinks } from './text-links';
import type { TelegramFile, TelegramMessage, TelegramPhotoSize } from './telegram-update.schema';

/** What a customer's message carries, in our terms. */
export type MessageContent =
  | { kind: 'content'; text: string | null; attachments: InboundRemoteFile[] }
  /** A service message (someone joined, a pin): nothing a customer said. */
  | { kind: 'service'; key: string }
  /** Nothing this version knows: neither content nor a known service message. */
  | { kind: 'unknown'; keys: string[] };

/**
 * Content Telegram can carry that the inbox cannot show. The customer still said something, so it
 * becomes a visible placeholder instead of silently disappearing.
 */
const UNSHOWN_CONTENT = [
  'poll',
  'dice',
  'game',
  'story',
  'invoice',
  'giveaway',
  'giveaway_winners',
  'paid_media',
  'checklist',
] as const;

const SERVICE_KEYS = new Set([
  'new_chat_members',
  'left_chat_member',
  'new_chat_title',
  'new_chat_photo',
  'delete_chat_photo',
  'group_chat_created',
  'supergroup_chat_created',
  'channel_chat_created',
  'message_auto_delete_timer_changed',
  'migrate_to_chat_id',
  'migrate_from_chat_id',
  'pinned_message',
  'successful_payment',
  'refunded_payment',
  'users_shared',
  'chat_shared',
  'connected_website',
  'write_access_allowed',
  'proximity_alert_triggered',
  'boost_added',
  'chat_background_set',
  'forum_topic_created',
  'forum_topic_edited',
  'forum_topic_closed',
  'forum_topic_reopened',
  'general_forum_topic_hidden',
  'general_forum_topic_unhidden',
  'giveaway_created',
  'giveaway_completed',
  'video_chat_scheduled',
  'video_chat_started',
  'video_chat_ended',
  'video_chat_participants_invited',
  'web_app_data',
]);

/** Keys every message has, whatever it carries. */
const ENVELOPE_KEYS = new Set([
  'message_id',
  'message_thread_id',
  'from',
  'sender_chat',
  'sender_boost_count',
  'sender_business_bot',
  'date',
  'chat',
  'edit_date',
  'media_group_id',
  'author_signature',
  'entities',
  'caption_entities',
  'has_protected_content',
  'has_media_spoiler',
  'is_topic_message',
  'is_automatic_forward',
  'is_from_offline',
  'forward_origin',
  'reply_to_message',
  'external_reply',
  'quote',
  'reply_to_story',
  'via_bot',
  'link_preview_options',
  'reply_markup',
  'effect_id',
  'show_caption_above_media',
  'business_connection_id',
]);

export function messageContent(m: TelegramMessage): MessageContent {
  const attachments = filesOf(m);
  const written =
    m.text !== undefined
      ? textWithLinks(m.text, m.entities)
      : m.caption !== undefined
        ? textWithLinks(m.caption, m.caption_entities)
        : null;
  const described = describedContent(m);
  const text = written ?? described ?? (m.sticker?.emoji || null);
  if (text !== null || attachments.length > 0) return { kind: 'content', text, attachments };

  const unshown = UNSHOWN_CONTENT.find((key) => m[key] !== undefined);
  if (unshown)
    return {
      kind: 'content',
      text: `[Telegram ${unshown.replace(/_/g, ' ')} — open Telegram to see it]`,
      attachments: [],
    };
  const service = Object.keys(m).find((key) => SERVICE_KEYS.has(key));
  if (service) return { kind: 'service', key: service };
  return { kind: 'unknown', keys: Object.keys(m).filter((key) => !ENVELOPE_KEYS.has(key)) };
}

/** Locations, venues and contacts become a line of text anyone can read (and click). */
function describedContent(m: TelegramMessage): string | null {
  if (m.venue) {
    const { latitude, longitude } = m.venue.location;
    return `📍 ${m.venue.title}, ${m.venue.address} — ${mapLink(latitude, longitude)}`;
  }
  if (m.location) {
    const { latitude, longitude } = m.location;
    return `📍 Location: ${latitude}, ${longitude} — ${mapLink(latitude, longitude)}`;
  }
  if (m.contact) {
    const name = fullName(m.contact.first_name, m.contact.last_name) ?? 'Unknown';
    const phone = m.contact.phone_number.trim();
    // Telegram often drops the '+' of an international number.
    const shown = phone.length > 0 && phone[0] >= '0' && phone[0] <= '9' ? `+${phone}` : phone;
    return `👤 Contact: ${name}, ${shown}`;
  }
  return null;
}

function mapLink(lat: number, lon: number): string {
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}

function filesOf(m: TelegramMessage): InboundRemoteFile[] {
  const files: InboundRemoteFile[] = [];
  if (m.photo) {
    const largest = largestPhoto(m.photo);
    files.push(remote(largest, `photo-${largest.file_unique_id}.jpg`, 'image/jpeg'));
  }
  // An animation (GIF) arrives with `document` set too, so it is covered here.
  if (m.document) files.push(fileOf(m.document, 'document', '', 'application/octet-stream'));
  if (m.audio) files.push(fileOf(m.audio, 'audio', '.mp3', 'audio/mpeg'));
  if (m.video) files.push(fileOf(m.video, 'video', '.mp4', 'video/mp4'));
  if (m.voice)
    files.push(remote(m.voice, `voice-${m.voice.file_unique_id}.ogg`, voiceType(m.voice)));
  if (m.video_note)
    files.push(remote(m.video_note, `video-note-${m.video_note.file_unique_id}.mp4`, 'video/mp4'));
  if (m.sticker) {
    const s = m.sticker;
    const [ext, type] = s.is_animated
      ? ['tgs', 'application/x-tgsticker']
      : s.is_video
        ? ['webm', 'video/webm']
        : ['webp', 'image/webp'];
    files.push(remote(s, `sticker-${s.file_unique_id}.${ext}`, type));
  }
  return files;
}

/** Telegram lists sizes small to large, but nothing promises it: pick by area, then by bytes. */
function largestPhoto(sizes: TelegramPhotoSize[]): TelegramPhotoSize {
  return sizes.reduce((best, size) => {
    const area = size.width * size.height;
    const bestArea = best.width * best.height;
    if (area !== bestArea) return area > bestArea ? size : best;
    return (size.file_size ?? 0) > (best.file_size ?? 0) ? size : best;
  });
}

function voiceType(voice: TelegramFile): string {
  return safeContentType(voice.mime_type, 'audio/ogg');
}

function fileOf(
  file: TelegramFile,
  prefix: string,
  ext: string,
  fallbackType: string,
): InboundRemoteFile {
  const name = safeFilename(file.file_name, `${prefix}-${file.file_unique_id}${ext}`);
  return remote(file, name, safeContentType(file.mime_type, fallbackType));
}

function remote(
  file: { file_id: string; file_unique_id: string; file_size?: number },
  filename: string,
  contentType: string,
): InboundRemoteFile {
  return {
    filename: safeFilename(filename, 'file'),
    contentType,
    remote: { ref: file.file_id, uniqueId: file.file_unique_id, size: file.file_size ?? null },
  };
}
