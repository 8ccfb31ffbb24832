import { useEffect } from 'react';
import { t } from '../../../i18n/i18n';
import { useCsatStore } from '../store/csat-store';
import '../csat.css';

/**
 * The customer's answer to the satisfaction survey in the conversation header ("★ 4/5",
 * "NPS 9"), the comment in its title. Nothing while there is no answer.
 */
export function ConversationRating({ conversationId }: { conversationId: string }) {
  const survey = useCsatStore((s) => s.byConversation[conversationId]);

  useEffect(() => {
    void useCsatStore.getState().load(conversationId);
  }, [conversationId]);

  const response = survey?.response;
  if (!survey || !response) return null;
  const text =
    survey.scale === 'csat'
      ? t('csat.badge.csat', { rating: response.rating })
      : t('csat.badge.nps', { rating: response.rating });
  const label = response.comment
    ? t('csat.badge.title_comment', { rating: text, comment: response.comment })
    : t('csat.badge.title', { rating: text });
  const low = survey.scale === 'csat' ? response.rating <= 2 : response.rating <= 6;
  return (
    <span
      className={`csat-badge${low ? ' csat-badge--low' : ''}`}
      data-testid="conversation-csat"
      data-scale={survey.scale}
      data-rating={response.rating}
      title={label}
      aria-label={label}
    >
      {text}
      {response.comment && (
        <span className="csat-badge__comment" aria-hidden="true">
          {' 💬'}
        </span>
      )}
    </span>
  );
}
