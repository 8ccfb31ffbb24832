import { useRef, type ClipboardEvent, type DragEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { NO_ATTACHMENTS, useAttachmentsStore } from '../store/attachments-store';
import './attachment-picker.css';

/** Files pasted or dropped onto the reply box go up like picked ones. */
export function attachmentDropHandlers(conversationId: string) {
  const add = (files: FileList | null | undefined) => {
    if (files && files.length > 0) useAttachmentsStore.getState().add(conversationId, files);
  };
  return {
    onPaste: (event: ClipboardEvent) => {
      if (event.clipboardData.files.length === 0) return;
      event.preventDefault();
      add(event.clipboardData.files);
    },
    onDragOver: (event: DragEvent) => {
      if (event.dataTransfer.types.includes('Files')) event.preventDefault();
    },
    onDrop: (event: DragEvent) => {
      if (event.dataTransfer.files.length === 0) return;
      event.preventDefault();
      add(event.dataTransfer.files);
    },
  };
}

/** The paperclip: opens the file chooser; every chosen file uploads at once. */
export function AttachmentButton({ conversationId }: { conversationId: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="composer-file-input"
        onChange={(e) => {
          const files = e.target.files;
          if (files && files.length > 0)
            useAttachmentsStore.getState().add(conversationId, Array.from(files));
          e.target.value = '';
        }}
      />
      <button
        type="button"
        className="icon-button composer__attach"
        data-testid="composer-attach"
        aria-label={t('composer.attach')}
        data-tooltip={t('composer.attach')}
        onClick={() => input.current?.click()}
      >
        <svg
          width={18}
          height={18}
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth={1.8}
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
        >
          <path d="m20 11.5-7.8 7.8a5 5 0 0 1-7.1-7.1l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8" />
        </svg>
      </button>
    </>
  );
}

/** Chips for the files on their way, each removable; a failed upload says why. */
export function AttachmentChips({ conversationId }: { conversationId: string }) {
  const items = useAttachmentsStore((s) => s.byConversation[conversationId] ?? NO_ATTACHMENTS);
  if (items.length === 0) return null;
  return (
    <ul className="attachment-chips" data-testid="composer-attachments">
      {items.map((item) => (
        <li
          key={item.key}
          className={`attachment-chip attachment-chip--${item.status}`}
          data-testid="composer-attachment"
          data-status={item.status}
        >
          <bdi className="attachment-chip__name">
            {item.status === 'uploading'
              ? t('composer.attachment.uploading', { name: item.filename })
              : item.filename}
          </bdi>
          {item.status === 'failed' && (
            <span className="form-error" role="alert">
              {t('composer.attachment.failed', { name: item.filename, message: item.error ?? '' })}
            </span>
          )}
          <button
            type="button"
            className="attachment-chip__remove"
            aria-label={t('composer.attachment.remove', { name: item.filename })}
            onClick={() => useAttachmentsStore.getState().remove(conversationId, item.key)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
