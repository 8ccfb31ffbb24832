import { t } from '../../../i18n/i18n';
import { displayName } from '../../../shared/text/display-text';
import { useAuthStore } from '../../auth/store/auth-store';
import { colleaguesIn, NO_VIEWERS, useViewersStore } from '../../realtime/store/viewers-store';
import './viewers-line.css';

/** "Anna is viewing · Ben is writing a reply": colleagues with this conversation open. */
export function ViewersLine({ conversationId }: { conversationId: string }) {
  const viewers = useViewersStore((s) => s.byConversation[conversationId] ?? NO_VIEWERS);
  const selfId = useAuthStore((s) => s.operator?.id);
  const colleagues = colleaguesIn(viewers, selfId);
  if (colleagues.length === 0) return null;
  return (
    <ul className="viewers-line" aria-label={t('viewers.label')} data-testid="viewers-line">
      {colleagues.map((v) => (
        <li
          key={v.operatorId}
          className={`viewers-line__item viewers-line__item--${v.activity}`}
          data-activity={v.activity}
        >
          {t(`viewers.${v.activity}`, {
            name: displayName(v.name, t('feed.row.unknown_contact')),
          })}
        </li>
      ))}
    </ul>
  );
}
