import type { AttachmentDto, CannedReplyDto, CannedReplyScope } from '@switchboard/contracts';
import { useId, useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { uploadFile } from '../../composer/api/files-api';
import { cannedRepliesApi } from '../api/canned-replies-api';
import { useCannedRepliesStore } from '../store/canned-replies-store';
import { errorText } from '../../../shared/api/error-text';

export interface CannedReplyFormProps {
  /** The reply being edited, or null for a new one. */
  reply: CannedReplyDto | null;
  /** Admins may choose `shared`; agents write personal replies only. */
  canShare: boolean;
  onDone: () => void;
}

/** Title, shortcut and text of one canned reply; the server checks everything again. */
export function CannedReplyForm({ reply, canShare, onDone }: CannedReplyFormProps) {
  const id = useId();
  const [scope, setScope] = useState<CannedReplyScope>(reply?.scope ?? 'personal');
  const [title, setTitle] = useState(reply?.title ?? '');
  const [shortcut, setShortcut] = useState(reply?.shortcut ?? '');
  const [body, setBody] = useState(reply?.body ?? '');
  const [attachments, setAttachments] = useState<AttachmentDto[]>(reply?.attachments ?? []);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const attachmentIds = attachments.map((a) => a.id);
      const saved = reply
        ? await cannedRepliesApi.update(reply.id, { title, shortcut, body, attachmentIds })
        : await cannedRepliesApi.create({ scope, title, shortcut, body, attachmentIds });
      useCannedRepliesStore.getState().saved(saved);
      useToastStore.getState().show(t('canned.settings.saved'));
      onDone();
    } catch (err) {
      setError(t('canned.settings.error', { message: errorText(err) }));
    } finally {
      setSaving(false);
    }
  };

  const upload = async (files: File[]) => {
    setUploading(true);
    try {
      for (const file of files) {
        const uploaded = await uploadFile(file);
        setAttachments((all) => [...all, uploaded]);
      }
    } catch (err) {
      setError(t('canned.settings.error', { message: errorText(err) }));
    } finally {
      setUploading(false);
    }
  };

  return (
    <form className="canned-settings__form" data-testid="canned-form" onSubmit={submit}>
      {!reply && canShare && (
        <div className="field">
          <label htmlFor={`${id}-scope`}>{t('canned.field.scope')}</label>
          <select
            id={`${id}-scope`}
            value={scope}
            onChange={(e) => setScope(e.target.value as CannedReplyScope)}
          >
            <option value="personal">{t('canned.settings.personal')}</option>
            <option value="shared">{t('canned.settings.shared')}</option>
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('canned.field.title')}</label>
        <input
          id={`${id}-title`}
          required
          maxLength={120}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-shortcut`}>{t('canned.field.shortcut')}</label>
        <input
          id={`${id}-shortcut`}
          required
          maxLength={32}
          value={shortcut}
          onChange={(e) => setShortcut(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('canned.field.body')}</label>
        <textarea
          id={`${id}-body`}
          required
          rows={4}
          dir="auto"
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-files`}>{t('canned.field.attachments')}</label>
        <input
          id={`${id}-files`}
          type="file"
          multiple
          disabled={uploading}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void upload(files);
          }}
        />
        {attachments.length > 0 && (
          <ul className="canned-settings__files">
            {attachments.map((a) => (
              <li key={a.id}>
                <bdi>{a.filename}</bdi>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('canned.settings.remove_file', { name: a.filename })}
                  onClick={() => setAttachments((all) => all.filter((x) => x.id !== a.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="canned-settings__actions">
        <button type="submit" className="button button--primary" disabled={saving || uploading}>
          {t('canned.settings.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('canned.settings.cancel')}
        </button>
      </div>
    </form>
  );
}
