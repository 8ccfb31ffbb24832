import type { MessageSourcePageDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import './source-page-line.css';

/** "https://shop.example/tents/trail-2" → "shop.example/tents/trail-2": enough to recognise. */
function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}

/**
 * The page a web chat visitor wrote from, and what led them there: a quiet line under the message.
 * The visitor reports it, so the links are never followed for ranking nor given our page as referrer.
 */
export function SourcePageLine({ page }: { page: MessageSourcePageDto }) {
  return (
    <p className="source-page" data-testid="message-source-page" title={t('webchat.source.label')}>
      <span className="source-page__part">
        <span>{t('webchat.source.page')}</span>{' '}
        <PageLink url={page.url} testId="message-source-url" />
      </span>
      {page.referrer && (
        <span className="source-page__part">
          <span>{t('webchat.source.referrer')}</span>{' '}
          <PageLink url={page.referrer} testId="message-source-referrer" />
        </span>
      )}
    </p>
  );
}

function PageLink({ url, testId }: { url: string; testId: string }) {
  // Only http(s) reaches here (the server checks), but a link is never built from anything else.
  if (!/^https?:\/\//i.test(url)) return <bdi dir="ltr">{url}</bdi>;
  return (
    <a
      href={url}
      target="_blank"
      rel="noopener noreferrer nofollow"
      dir="ltr"
      title={url}
      data-testid={testId}
    >
      {shortUrl(url)}
    </a>
  );
}
