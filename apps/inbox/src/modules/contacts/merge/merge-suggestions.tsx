import { t } from '../../../i18n/i18n';
import { displayName, displayText } from '../../../shared/text/display-text';
import { ChannelIcon } from '../../../shared/ui/channel-icon';
import { useContactMergeStore } from './contact-merge-store';
import { mergeReasonText } from './merge-text';

/** Contacts that share an email or phone with this card, each with why and "Review merge". */
export function MergeSuggestions({
  contactId,
  onReview,
}: {
  contactId: string;
  onReview: (otherId: string) => void;
}) {
  const suggestions = useContactMergeStore((s) => s.suggestions[contactId]);
  if (!suggestions || suggestions.length === 0) return null;
  return (
    <div className="contact-merge__suggestions">
      <h4>{t('contact_merge.suggestions')}</h4>
      <ul className="contact-merge__list" data-testid="contact-merge-suggestions">
        {suggestions.map((s) => (
          <li
            key={s.contact.id}
            data-testid="contact-merge-suggestion"
            data-contact-id={s.contact.id}
          >
            <span className="contact-merge__who">
              {s.contact.channels.map((c) => (
                <ChannelIcon key={c} channel={c} size={14} />
              ))}
              <bdi>
                {displayName(
                  s.contact.name,
                  s.contact.email ?? s.contact.phone ?? t('contact_merge.unnamed'),
                )}
              </bdi>
            </span>
            <span className="settings-hint" data-testid="contact-merge-reason" dir="auto">
              {s.reasons.map((r) => displayText(mergeReasonText(r))).join(' · ')}
            </span>
            <button
              type="button"
              className="button button--small"
              data-testid="contact-merge-review"
              onClick={() => onReview(s.contact.id)}
            >
              {t('contact_merge.review')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
