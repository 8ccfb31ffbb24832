import type { MessageDto } from '@switchboard/contracts';
import { useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useNavigationStore } from '../../navigation/navigation-store';
import { useToastStore } from '../../../shared/ui/toast-store';
import { kbApi } from '../api/kb-api';
import { operatorKbLocale } from '../utils/kb-labels';
import { errorText } from '../../../shared/api/error-text';

/** "Turn into article" on a message: a draft in the operator's language, opened in the editor. */
export function TurnIntoArticleAction({ message }: { message: MessageDto }) {
  const [busy, setBusy] = useState(false);
  if (message.kind === 'activity' || !message.text?.trim()) return null;
  const turn = async () => {
    setBusy(true);
    try {
      const article = await kbApi.fromMessage(message.id, operatorKbLocale());
      useToastStore.getState().show(t('kb.turned_into_article'));
      useNavigationStore.getState().go({ name: 'knowledge-base', articleId: article.id });
    } catch (e) {
      useToastStore.getState().show(errorText(e), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="link-button"
      data-testid="message-turn-into-article"
      aria-label={t('kb.turn_into_article_label')}
      disabled={busy}
      onClick={() => void turn()}
    >
      {t('kb.turn_into_article')}
    </button>
  );
}
