import {
  CANNED_PLACEHOLDERS,
  type CannedReplyDto,
  type CannedReplyScope,
} from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useAuthStore } from '../../auth/store/auth-store';
import { cannedRepliesApi } from '../api/canned-replies-api';
import { useCannedRepliesStore } from '../store/canned-replies-store';
import { CannedReplyForm } from './canned-reply-form';
import './canned-replies.css';
import { errorText } from '../../../shared/api/error-text';

type Editing = { reply: CannedReplyDto } | 'new' | null;

/** Settings: the shared replies (admins edit them) and the operator's own. */
export function CannedRepliesPanel() {
  const replies = useCannedRepliesStore((s) => s.replies);
  const loadError = useCannedRepliesStore((s) => s.loadError);
  const isAdmin = useAuthStore((s) => s.operator?.role === 'admin');
  const [editing, setEditing] = useState<Editing>(null);

  useEffect(() => {
    void useCannedRepliesStore.getState().load();
  }, []);

  const remove = async (reply: CannedReplyDto) => {
    try {
      await cannedRepliesApi.remove(reply.id);
      useCannedRepliesStore.getState().removed(reply.id);
      useToastStore.getState().show(t('canned.settings.deleted'));
    } catch (err) {
      useToastStore
        .getState()
        .show(t('canned.settings.error', { message: errorText(err) }), 'error');
    }
  };

  const section = (scope: CannedReplyScope) => {
    const mine = replies.filter((r) => r.scope === scope);
    const editable = scope === 'personal' || isAdmin;
    return (
      <section aria-labelledby={`canned-${scope}`} data-testid={`canned-section-${scope}`}>
        <h3 id={`canned-${scope}`}>
          {t(scope === 'shared' ? 'canned.settings.shared' : 'canned.settings.personal')}
        </h3>
        {!editable && <p className="settings-hint">{t('canned.settings.shared_read_only')}</p>}
        {mine.length === 0 && <p className="settings-hint">{t('canned.settings.empty')}</p>}
        <ul className="canned-settings__list">
          {mine.map((reply) => (
            <li key={reply.id} className="canned-settings__item" data-testid="canned-item">
              {editing !== null && editing !== 'new' && editing.reply.id === reply.id ? (
                <CannedReplyForm reply={reply} canShare={isAdmin} onDone={() => setEditing(null)} />
              ) : (
                <>
                  <strong>
                    /{reply.shortcut} · <bdi>{reply.title}</bdi>
                  </strong>
                  <bdi className="canned-settings__body">{reply.body}</bdi>
                  {reply.attachments.length > 0 && (
                    <span className="settings-hint">
                      {t('canned.settings.files', {
                        names: reply.attachments.map((f) => f.filename).join(', '),
                      })}
                    </span>
                  )}
                  {editable && (
                    <div className="canned-settings__actions">
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => setEditing({ reply })}
                      >
                        {t('canned.settings.edit')}
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => void remove(reply)}
                      >
                        {t('canned.settings.delete')}
                      </button>
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    );
  };

  return (
    <div className="settings__detail" data-testid="canned-replies-panel">
      <h2>{t('canned.settings.title')}</h2>
      <p className="settings-hint">
        {t('canned.settings.intro', {
          placeholders: CANNED_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', '),
        })}
      </p>
      {loadError && (
        <p className="form-error" role="alert">
          {loadError}
        </p>
      )}
      {editing === 'new' ? (
        <CannedReplyForm reply={null} canShare={isAdmin} onDone={() => setEditing(null)} />
      ) : (
        <button
          type="button"
          className="button button--primary"
          data-testid="canned-new"
          onClick={() => setEditing('new')}
        >
          {t('canned.settings.new')}
        </button>
      )}
      {section('shared')}
      {section('personal')}
    </div>
  );
}
