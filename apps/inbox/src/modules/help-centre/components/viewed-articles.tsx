import type { ViewedArticleDto } from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { helpCentreApi } from '../api/help-centre-api';
import '../help-centre.css';

/**
 * "Viewed before writing": the help articles the customer opened in the chat widget before this
 * conversation started, so the operator knows what they already tried. Nothing when there are none.
 */
export function ViewedArticles({ conversationId }: { conversationId: string }) {
  const [items, setItems] = useState<ViewedArticleDto[]>([]);

  useEffect(() => {
    let current = true;
    setItems([]);
    helpCentreApi.viewedBefore(conversationId).then(
      (res) => {
        if (current) setItems(res.items);
      },
      () => undefined, // A side note: the conversation works without it.
    );
    return () => {
      current = false;
    };
  }, [conversationId]);

  if (items.length === 0) return null;
  return (
    <section className="viewed-articles" data-testid="viewed-articles">
      <h3 className="viewed-articles__title">{t('help_centre.viewed_before')}</h3>
      <ul>
        {items.map((a) => (
          <li key={a.versionId}>
            <a href={a.url} target="_blank" rel="noopener noreferrer" lang={a.locale} dir="auto">
              {a.title}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
