import type { OutboundMessage } from '@switchboard/channels-core';
import { inlineKeyboard } from '../outbound/telegram-sender';
import { parseUpdate, TELEGRAM_ALLOWED_UPDATES } from './parse-update';

describe('Telegram inline keyboards', () => {
  it('asks for callback_query updates and reads a press as a button_press from its chat', () => {
    expect(TELEGRAM_ALLOWED_UPDATES).toContain('callback_query');
    const [event] = parseUpdate({
      update_id: 5,
      callback_query: {
        id: '4382',
        from: { id: 77, first_name: 'Ann' },
        message: { message_id: 9, date: 1, chat: { id: 77, type: 'private' } },
        chat_instance: '-1',
        data: 'csat:x:4',
      },
    });
    expect(event).toMatchObject({
      type: 'button_press',
      externalId: '4382',
      senderExternalId: '77',
      data: 'csat:x:4',
    });
  });

  it('ignores a press without data (a game) and an unreadable one, never throwing', () => {
    const noData = parseUpdate({
      update_id: 6,
      callback_query: { id: '1', from: { id: 1, first_name: 'A' }, game_short_name: 'g' },
    });
    expect(noData[0]).toMatchObject({ type: 'ignored' });
    const bad = parseUpdate({ update_id: 7, callback_query: { id: 3 } });
    expect(bad[0]).toMatchObject({ type: 'ignored' });
    const tooLong = parseUpdate({
      update_id: 8,
      callback_query: { id: '2', from: { id: 1, first_name: 'A' }, data: 'x'.repeat(65) },
    });
    expect(tooLong[0]).toMatchObject({ type: 'ignored' });
  });

  it('sends buttons as reply_markup.inline_keyboard with callback_data, and none when there are none', () => {
    const message = {
      buttons: [[{ label: '1', data: 'csat:a:1' }], []],
    } as unknown as OutboundMessage;
    expect(inlineKeyboard(message)).toEqual({
      inline_keyboard: [[{ text: '1', callback_data: 'csat:a:1' }]],
    });
    expect(inlineKeyboard({ buttons: null } as unknown as OutboundMessage)).toBeNull();
  });
});
