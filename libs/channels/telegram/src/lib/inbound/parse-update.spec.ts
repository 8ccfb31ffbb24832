import { inboundEventSchema, type InboundEvent } from '@switchboard/channels-core';
import { parseUpdate } from './parse-update';

// Small update objects in the shapes of https://core.telegram.org/bots/api#update.
const alice = {
  id: 111,
  is_bot: false,
  first_name: 'Alice',
  last_name: 'Liddell',
  username: 'alice',
  language_code: 'en',
};
const bob = { id: 222, is_bot: false, first_name: 'Bob' };
const privateChat = { id: 111, type: 'private', first_name: 'Alice', username: 'alice' };
const group = { id: -100200, type: 'supergroup', title: 'Acme customers' };
const date = 1_700_000_000;

function message(extra: Record<string, unknown>, chat: object = privateChat, from: object = alice) {
  return { update_id: 1000, message: { message_id: 7, from, chat, date, ...extra } };
}

function only(events: InboundEvent[]): InboundEvent {
  expect(events).toHaveLength(1);
  const parsed = inboundEventSchema.safeParse(events[0]);
  if (!parsed.success) throw new Error(parsed.error.message);
  return events[0];
}

function messageOf(events: InboundEvent[]) {
  const event = only(events);
  if (event.type !== 'message') throw new Error(`expected a message, got ${event.type}`);
  return event;
}

describe('parseUpdate', () => {
  it('reads a private text message with the sender card', () => {
    const event = messageOf(parseUpdate(message({ text: 'Hello <b> & *world*' })));
    expect(event).toMatchObject({
      externalId: '111:7',
      sender: { externalId: '111', name: 'Alice Liddell', username: 'alice', language: 'en' },
      text: 'Hello <b> & *world*',
      attachments: [],
      sentAt: new Date(date * 1000),
    });
    expect(event.chat).toBeUndefined();
  });

  it('puts a group message in the group chat, from its member', () => {
    const event = messageOf(parseUpdate(message({ text: 'hi all' }, group, bob)));
    expect(event.externalId).toBe('-100200:7');
    expect(event.sender).toMatchObject({ externalId: '222', name: 'Bob' });
    expect(event.chat).toEqual({ externalId: '-100200', title: 'Acme customers' });
  });

  it('writes text_link entities out as "label (url)", counting UTF-16 units', () => {
    const text = '😀 see our docs and the faq';
    const entities = [
      { type: 'bold', offset: 0, length: 2 },
      { type: 'text_link', offset: 11, length: 4, url: 'https://example.com/docs' },
      { type: 'text_link', offset: 24, length: 3, url: 'https://example.com/faq' },
    ];
    const event = messageOf(parseUpdate(message({ text, entities })));
    expect(event.text).toBe(
      '😀 see our docs (https://example.com/docs) and the faq (https://example.com/faq)',
    );
  });

  it('keeps the largest photo size, with the caption as text', () => {
    const photo = [
      { file_id: 'small', file_unique_id: 'u1', width: 90, height: 60, file_size: 1000 },
      { file_id: 'large', file_unique_id: 'u3', width: 1280, height: 853, file_size: 90_000 },
      { file_id: 'medium', file_unique_id: 'u2', width: 320, height: 213, file_size: 9000 },
    ];
    const event = messageOf(parseUpdate(message({ photo, caption: 'broken part' })));
    expect(event.text).toBe('broken part');
    expect(event.attachments).toEqual([
      {
        filename: 'photo-u3.jpg',
        contentType: 'image/jpeg',
        remote: { ref: 'large', uniqueId: 'u3', size: 90_000 },
      },
    ]);
  });

  it('groups album parts under one key', () => {
    const photo = [{ file_id: 'p', file_unique_id: 'pu', width: 10, height: 10 }];
    const event = messageOf(parseUpdate(message({ photo, media_group_id: '1357' }, group, bob)));
    expect(event.album).toEqual({ key: '-100200:album:1357' });
  });

  it.each([
    [
      'document',
      {
        document: {
          file_id: 'd',
          file_unique_id: 'du',
          file_name: 'invoice.pdf',
          mime_type: 'application/pdf',
          file_size: 5,
        },
      },
      { filename: 'invoice.pdf', contentType: 'application/pdf' },
    ],
    [
      'document without a name or type',
      { document: { file_id: 'd', file_unique_id: 'du' } },
      { filename: 'document-du', contentType: 'application/octet-stream' },
    ],
    [
      'voice',
      { voice: { file_id: 'v', file_unique_id: 'vu', duration: 3 } },
      { filename: 'voice-vu.ogg', contentType: 'audio/ogg' },
    ],
    [
      'audio',
      { audio: { file_id: 'a', file_unique_id: 'au', duration: 100, mime_type: 'audio/mpeg' } },
      { filename: 'audio-au.mp3', contentType: 'audio/mpeg' },
    ],
    [
      'video',
      { video: { file_id: 'v', file_unique_id: 'vu', width: 1, height: 1, duration: 1 } },
      { filename: 'video-vu.mp4', contentType: 'video/mp4' },
    ],
    [
      'video note',
      { video_note: { file_id: 'n', file_unique_id: 'nu', length: 240, duration: 4 } },
      { filename: 'video-note-nu.mp4', contentType: 'video/mp4' },
    ],
    [
      'sticker',
      {
        sticker: {
          file_id: 's',
          file_unique_id: 'su',
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
          emoji: '👍',
        },
      },
      { filename: 'sticker-su.webp', contentType: 'image/webp' },
    ],
    [
      'animated sticker',
      {
        sticker: {
          file_id: 's',
          file_unique_id: 'su',
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: true,
          is_video: false,
        },
      },
      { filename: 'sticker-su.tgs', contentType: 'application/x-tgsticker' },
    ],
    [
      'video sticker',
      {
        sticker: {
          file_id: 's',
          file_unique_id: 'su',
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: true,
        },
      },
      { filename: 'sticker-su.webm', contentType: 'video/webm' },
    ],
  ])('reads a %s as a remote file', (_kind, content, expected) => {
    const event = messageOf(parseUpdate(message(content)));
    expect(event.attachments).toHaveLength(1);
    expect(event.attachments?.[0]).toMatchObject(expected);
  });

  it('uses a sticker emoji as the text', () => {
    const sticker = {
      file_id: 's',
      file_unique_id: 'su',
      width: 1,
      height: 1,
      is_animated: false,
      is_video: false,
      emoji: '👍',
    };
    expect(messageOf(parseUpdate(message({ sticker }))).text).toBe('👍');
  });

  it('turns a location, a venue and a contact into readable text', () => {
    const location = messageOf(
      parseUpdate(message({ location: { latitude: 52.52, longitude: 13.405 } })),
    );
    expect(location.text).toBe(
      '📍 Location: 52.52, 13.405 — https://www.openstreetmap.org/?mlat=52.52&mlon=13.405#map=17/52.52/13.405',
    );
    const venue = messageOf(
      parseUpdate(
        message({
          location: { latitude: 1, longitude: 2 },
          venue: { location: { latitude: 1, longitude: 2 }, title: 'Shop', address: 'Main St 1' },
        }),
      ),
    );
    expect(venue.text).toBe(
      '📍 Shop, Main St 1 — https://www.openstreetmap.org/?mlat=1&mlon=2#map=17/1/2',
    );
    const contact = messageOf(
      parseUpdate(
        message({
          contact: { phone_number: '4930123456', first_name: 'Carol', last_name: 'King' },
        }),
      ),
    );
    expect(contact.text).toBe('👤 Contact: Carol King, +4930123456');
  });

  it('shows content the inbox cannot display as a placeholder', () => {
    const poll = messageOf(
      parseUpdate(message({ poll: { id: '1', question: 'Q?', options: [] } })),
    );
    expect(poll.text).toBe('[Telegram poll — open Telegram to see it]');
    const dice = messageOf(parseUpdate(message({ dice: { emoji: '🎲', value: 4 } })));
    expect(dice.text).toBe('[Telegram dice — open Telegram to see it]');
  });

  it('ignores service messages and update kinds it does not handle', () => {
    const joined = only(parseUpdate(message({ new_chat_members: [bob] }, group, bob)));
    expect(joined).toMatchObject({ type: 'ignored', externalId: 'update:1000' });
    const channelPost = only(
      parseUpdate({
        update_id: 5,
        channel_post: { message_id: 1, date, chat: { id: -1, type: 'channel' }, text: 'x' },
      }),
    );
    expect(channelPost).toMatchObject({ type: 'ignored', externalId: 'update:5' });
    expect(only(parseUpdate({ update_id: 6 }))).toMatchObject({ type: 'ignored' });
  });

  it('ignores a malformed message instead of throwing', () => {
    const event = only(parseUpdate({ update_id: 9, message: { message_id: 'x', chat: 5 } }));
    expect(event.type).toBe('ignored');
    if (event.type === 'ignored') expect(event.reason).toContain('Unreadable Telegram message');
  });

  it('reads an edit as the whole message, marked edited', () => {
    const update = {
      update_id: 1001,
      edited_message: {
        message_id: 7,
        from: alice,
        chat: privateChat,
        date,
        edit_date: date + 60,
        text: 'fixed typo',
      },
    };
    const event = only(parseUpdate(update));
    expect(event).toMatchObject({
      type: 'edit',
      externalId: '111:7',
      editedAt: new Date((date + 60) * 1000),
      message: {
        type: 'message',
        externalId: '111:7',
        text: 'fixed typo',
        editedAt: new Date((date + 60) * 1000),
      },
    });
  });

  it('reports a customer blocking and unblocking the bot', () => {
    const change = (chat: object, from: string, to: string) => ({
      update_id: 77,
      my_chat_member: {
        chat,
        from: alice,
        date,
        old_chat_member: { status: from, user: { id: 999, is_bot: true, first_name: 'Bot' } },
        new_chat_member: { status: to, user: { id: 999, is_bot: true, first_name: 'Bot' } },
      },
    });
    expect(only(parseUpdate(change(privateChat, 'member', 'kicked')))).toEqual({
      type: 'reachability',
      externalId: '111',
      reachable: false,
      reason: 'The customer blocked the bot',
      at: new Date(date * 1000),
    });
    expect(only(parseUpdate(change(privateChat, 'kicked', 'member')))).toMatchObject({
      reachable: true,
      reason: 'The customer unblocked the bot',
    });
    expect(only(parseUpdate(change(group, 'member', 'left')))).toMatchObject({
      externalId: '-100200',
      reachable: false,
      reason: 'The bot was removed from the group',
    });
    expect(only(parseUpdate(change(group, 'left', 'administrator')))).toMatchObject({
      reachable: true,
      reason: 'The bot was added to the group',
    });
    expect(only(parseUpdate(change(group, 'member', 'restricted'))).type).toBe('ignored');
  });

  it('drops a language code the contact card cannot store, keeping the message', () => {
    const event = messageOf(
      parseUpdate(message({ text: 'x' }, privateChat, { ...alice, language_code: 'not a tag' })),
    );
    expect(event.sender.language).toBeNull();
  });

  it('is deterministic: the same update gives the same ids', () => {
    const update = message({ text: 'again' });
    expect(parseUpdate(update)).toEqual(parseUpdate(update));
  });
});
