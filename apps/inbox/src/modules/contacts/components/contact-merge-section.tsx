import { useEffect, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { displayName } from '../../../shared/text/display-text';
import { useNavigationStore } from '../../navigation/navigation-store';
import { useContactMergeStore } from '../merge/contact-merge-store';
import { MergeContactSearch } from '../merge/merge-contact-search';
import { MergeHistory } from '../merge/merge-history';
import { MergePreviewDialog } from '../merge/merge-preview-dialog';
import { MergeSuggestions } from '../merge/merge-suggestions';
import '../merge/contact-merge.css';

/**
 * Under the card's identities: contacts that look like the same person (same email or phone, or
 * an address their widget visitor typed), "Merge with…" any contact, the preview dialog that
 * confirms a merge into this card, and the card's merge history with undo for admins.
 */
export function ContactMergeSection({ contactId }: { contactId: string }) {
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  // A retired contact (merged into another, not undone): point at the card it lives on in.
  const retiredInto = useContactMergeStore(
    (s) => s.history[contactId]?.find((m) => m.other.id === contactId && !m.undoneAt)?.survivor,
  );

  useEffect(() => {
    setReviewing(null);
    setSearching(false);
    void useContactMergeStore.getState().load(contactId);
  }, [contactId]);

  return (
    <section
      className="contact-card__section contact-merge"
      aria-label={t('contact_merge.title')}
      data-testid="contact-merge-section"
    >
      {retiredInto ? (
        <p className="contact-merge__retired" role="status" data-testid="contact-merge-retired">
          {t('contact_merge.retired', {
            name: displayName(retiredInto.name, t('contact_merge.unnamed')),
          })}{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              useNavigationStore.getState().go({ name: 'contact', contactId: retiredInto.id })
            }
          >
            {t('contact_merge.open_survivor')}
          </button>
        </p>
      ) : (
        <MergeSuggestions contactId={contactId} onReview={setReviewing} />
      )}
      {retiredInto ? null : searching ? (
        <MergeContactSearch contactId={contactId} onPick={setReviewing} />
      ) : (
        <button
          type="button"
          className="button button--small"
          data-testid="contact-merge-with"
          onClick={() => setSearching(true)}
        >
          {t('contact_merge.merge_with')}
        </button>
      )}
      <MergeHistory contactId={contactId} />
      {reviewing && (
        <MergePreviewDialog
          survivorId={contactId}
          otherId={reviewing}
          onClose={() => {
            setReviewing(null);
            setSearching(false);
          }}
        />
      )}
    </section>
  );
}
