import type { InboxDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { displayText } from '../../../shared/text/display-text';
import { telegramBotOf } from '../utils/telegram-bot';

/** The bot a Telegram inbox speaks as: what customers see, where they find it, how updates come. */
export function TelegramBotPanel({ inbox }: { inbox: InboxDto }) {
  const bot = telegramBotOf(inbox.settings);
  return (
    <section className="settings-panel" data-testid="telegram-bot" aria-labelledby="telegram-bot">
      <h3 id="telegram-bot">{t('settings.telegram.title')}</h3>
      {bot.name === null && bot.username === null ? (
        <p className="settings-hint">{t('settings.telegram.not_connected')}</p>
      ) : (
        <dl className="sync-facts">
          <dt>{t('settings.telegram.name')}</dt>
          <dd data-testid="telegram-bot-name">
            {/* The bot's name is whatever BotFather was told: shown, never interpreted. */}
            <bdi>{bot.name ? displayText(bot.name) : '—'}</bdi>
          </dd>
          <dt>{t('settings.telegram.username')}</dt>
          <dd data-testid="telegram-bot-username" dir="ltr">
            {bot.username ? `@${bot.username}` : '—'}
          </dd>
          {bot.link && (
            <>
              <dt>{t('settings.telegram.link')}</dt>
              <dd>
                <a
                  href={bot.link}
                  target="_blank"
                  rel="noopener noreferrer"
                  dir="ltr"
                  data-testid="telegram-bot-link"
                >
                  {bot.link.replace('https://', '')}
                </a>
              </dd>
            </>
          )}
          {bot.delivery && (
            <>
              <dt>{t('settings.telegram.delivery')}</dt>
              <dd data-testid="telegram-delivery" data-delivery={bot.delivery}>
                {t(`settings.telegram.delivery.${bot.delivery}`)}
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
