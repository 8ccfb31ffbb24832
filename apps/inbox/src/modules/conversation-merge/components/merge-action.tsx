import type { ConversationSummaryDto } from '@switchboard/contracts';
import { useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useConversationLinksStore } from '../store/conversation-links-store';
import { MergeDialog } from './merge-dialog';

/** The header's "Merge into…"; a conversation merged already offers nothing to merge. */
export function MergeAction({ conversation }: { conversation: ConversationSummaryDto }) {
  const [open, setOpen] = useState(false);
  // Offered once the links are known: a merged conversation has nothing left to merge.
  const links = useConversationLinksStore((s) => s.byConversation[conversation.id]);
  if (!links || links.mergedInto) return null;
  return (
    <>
      <button
        type="button"
        className="link-button"
        data-testid="action-merge"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('merge.action')}
      </button>
      {open && <MergeDialog conversation={conversation} onClose={() => setOpen(false)} />}
    </>
  );
}
