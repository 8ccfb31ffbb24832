import { useEffect, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { assignmentApi } from '../api/assignment-api';
import { errorText } from '../../../shared/api/error-text';

/** Follow a conversation to hear about each new customer message; unfollow to stop. */
export function FollowToggle({ conversationId }: { conversationId: string }) {
  const [following, setFollowing] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setFollowing(null);
    assignmentApi
      .participants(conversationId)
      .then((p) => live && setFollowing(p.following))
      .catch(() => live && setFollowing(false));
    return () => {
      live = false;
    };
  }, [conversationId]);

  const toggle = async () => {
    setBusy(true);
    try {
      const next = following
        ? await assignmentApi.unfollow(conversationId)
        : await assignmentApi.follow(conversationId);
      setFollowing(next.following);
    } catch (error) {
      const message = errorText(error);
      useToastStore.getState().show(t('assignment.follow_failed', { message }), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <button
      type="button"
      className="button"
      data-testid="follow-toggle"
      aria-pressed={following === true}
      disabled={busy || following === null}
      title={t('assignment.follow_hint')}
      onClick={() => void toggle()}
    >
      {following ? t('assignment.following') : t('assignment.follow')}
    </button>
  );
}
