/** What a connected Telegram inbox shows about its bot, read from the settings `connect` filled. */
export interface TelegramBotFacts {
  name: string | null;
  /** Without the @. */
  username: string | null;
  /** https://t.me/<username>: where customers start a chat with the bot. */
  link: string | null;
  delivery: 'webhook' | 'polling' | null;
}

const MAX_USERNAME = 64;

/** Telegram usernames are letters, digits and underscores; anything else makes no safe link. */
function isUsername(value: string): boolean {
  if (value.length === 0 || value.length > MAX_USERNAME) return false;
  for (const c of value) {
    const ok =
      (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_';
    if (!ok) return false;
  }
  return true;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;

export function telegramBotOf(settings: Record<string, unknown>): TelegramBotFacts {
  const raw = text(settings['botUsername']);
  const username = raw !== null && isUsername(raw) ? raw : null;
  const delivery = settings['delivery'];
  return {
    name: text(settings['botName']),
    username,
    link: username ? `https://t.me/${username}` : null,
    delivery: delivery === 'webhook' || delivery === 'polling' ? delivery : null,
  };
}
