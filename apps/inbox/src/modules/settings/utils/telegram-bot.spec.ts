import { describe, expect, it } from 'vitest';
import { telegramBotOf } from './telegram-bot';

describe('telegramBotOf', () => {
  it('reads the bot the server connected, with its t.me link', () => {
    expect(
      telegramBotOf({
        botId: 7001,
        botName: 'Acme Help',
        botUsername: 'acme_help_bot',
        delivery: 'polling',
      }),
    ).toEqual({
      name: 'Acme Help',
      username: 'acme_help_bot',
      link: 'https://t.me/acme_help_bot',
      delivery: 'polling',
    });
  });

  it('makes no link from a username that is not one', () => {
    const bot = telegramBotOf({ botUsername: 'evil/../x?y', delivery: 'carrier pigeon' });
    expect(bot).toEqual({ name: null, username: null, link: null, delivery: null });
  });

  it('has nothing to show before a bot is connected', () => {
    expect(telegramBotOf({})).toEqual({ name: null, username: null, link: null, delivery: null });
  });
});
