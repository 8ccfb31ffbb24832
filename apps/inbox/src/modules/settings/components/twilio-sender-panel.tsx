import type { InboxDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { displayText } from '../../../shared/text/display-text';
import { twilioSenderOf } from '../utils/twilio-sender';
import { CopyUrl } from './copy-url';

/**
 * A Twilio inbox's sender: which account and number customers write to, the URLs to paste into
 * the Twilio console, and for WhatsApp the reply window operators will meet in conversations.
 */
export function TwilioSenderPanel({ inbox }: { inbox: InboxDto }) {
  const facts = twilioSenderOf(inbox);
  return (
    <section className="settings-panel" data-testid="twilio-sender" aria-labelledby="twilio-sender">
      <h3 id="twilio-sender">{t('settings.twilio.title')}</h3>
      {facts.sender === null ? (
        <p className="settings-hint">{t('settings.twilio.not_connected')}</p>
      ) : (
        <dl className="sync-facts">
          <dt>{t('settings.twilio.account')}</dt>
          <dd data-testid="twilio-account-name">
            {/* The friendly name is whatever the account owner typed: shown, never interpreted. */}
            <bdi>{facts.accountName ? displayText(facts.accountName) : '—'}</bdi>
          </dd>
          <dt>{t('settings.twilio.sender')}</dt>
          <dd data-testid="twilio-sender-address" dir="ltr">
            {facts.sender}
          </dd>
          {facts.channel && (
            <>
              <dt>{t('settings.twilio.channel')}</dt>
              <dd data-testid="twilio-channel" data-channel={facts.channel}>
                {t(`settings.twilio.channel.${facts.channel}`)}
              </dd>
            </>
          )}
        </dl>
      )}
      <p className="settings-hint" data-testid="twilio-paste-hint">
        {t('settings.twilio.paste_hint')}
      </p>
      <CopyUrl
        label="settings.twilio.webhook_url"
        url={facts.webhookUrl}
        testId="twilio-webhook-url"
      />
      {facts.statusCallbackUrl && (
        <CopyUrl
          label="settings.twilio.status_url"
          url={facts.statusCallbackUrl}
          testId="twilio-status-url"
        />
      )}
      {facts.channel === 'whatsapp' && facts.replyWindowHours !== null && (
        <div data-testid="twilio-window-rule">
          <h4>{t('settings.twilio.window_title', { hours: facts.replyWindowHours })}</h4>
          <p className="settings-hint">
            {t('settings.twilio.window_rule', { hours: facts.replyWindowHours })}
          </p>
        </div>
      )}
    </section>
  );
}
