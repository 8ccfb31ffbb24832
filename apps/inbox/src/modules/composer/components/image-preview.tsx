import type { AttachmentDto } from '@switchboard/contracts';
import { useEffect, useRef } from 'react';
import { useModalFocus } from '../../../shared/ui/use-modal-focus';
import { t } from '../../../i18n/i18n';
import { displayFilename } from '../../../shared/text/display-text';

/**
 * A received image, large, inside our own page: an `<img>` never runs what a file carries, and the
 * file itself is only ever served as a download (files.controller.ts), so opening it cannot render
 * anything active either.
 */
export function ImagePreview({ file, onClose }: { file: AttachmentDto; onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const name = displayFilename(file.filename);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      opener?.focus();
    };
  }, [onClose]);

  const dialogRef = useRef<HTMLDivElement>(null);
  useModalFocus(dialogRef);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        ref={dialogRef}
        className="dialog image-preview"
        role="dialog"
        aria-modal="true"
        aria-label={t('attachment.preview_title', { name })}
        data-testid="image-preview"
        onClick={(e) => e.stopPropagation()}
      >
        <img className="image-preview__image" src={file.url} alt={name} />
        <div className="image-preview__actions">
          <bdi className="image-preview__name">{name}</bdi>
          <a
            className="button"
            href={file.url}
            download={name}
            data-testid="image-preview-download"
          >
            {t('attachment.download_button')}
          </a>
          <button ref={closeRef} type="button" className="button" onClick={onClose}>
            {t('attachment.preview_close')}
          </button>
        </div>
      </div>
    </div>
  );
}
