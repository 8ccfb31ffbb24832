import { t, tp } from '../../../i18n/i18n';
import { Icon } from '../../../shared/ui/icons';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useAuthStore } from '../../auth/store/auth-store';
import { routingApi } from '../api/routing-api';
import { errorText } from '../../../shared/api/error-text';

/** The profile menu's "Hand back my queue": unanswered work back to the teams, and away. */
export function HandBackButton() {
  const handBack = async () => {
    if (!window.confirm(t('routing.hand_back.confirm'))) return;
    try {
      const { handedBack } = await routingApi.handBack();
      useAuthStore.getState().setPresence('away');
      useToastStore.getState().show(tp('routing.hand_back.done', handedBack));
    } catch (err) {
      const message = errorText(err);
      useToastStore.getState().show(t('routing.hand_back.failed', { message }), 'error');
    }
  };
  return (
    <button
      type="button"
      className="icon-button"
      data-testid="hand-back"
      onClick={() => void handBack()}
      aria-label={t('routing.hand_back')}
      data-tooltip={t('routing.hand_back')}
    >
      <Icon name="back" className="flip-rtl" />
    </button>
  );
}
