import type { ConversationSummaryDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { Icon } from '../../../shared/ui/icons';
import './reply-to.css';

/**
 * The channel says the customer cannot be reached (they blocked the bot): said before the operator
 * writes, since the reply can still be written but will likely fail.
 */
export function UnreachableBanner({ conversation }: { conversation: ConversationSummaryDto }) {
  const reason = conversation.unreachableReason;
  if (!reason) return null;
  return (
    <div className="unreachable-banner" role="status" data-testid="unreachable-banner">
      <Icon name="alert" size={14} />
      <p>
        <strong dir="auto">{t('conversation.unreachable', { reason })}</strong>{' '}
        {t('conversation.unreachable_hint')}
      </p>
    </div>
  );
}
