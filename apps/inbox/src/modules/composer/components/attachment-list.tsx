import type { AttachmentDto } from '@switchboard/contracts';
import { useCallback, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { displayFilename } from '../../../shared/text/display-text';
import { ImagePreview } from './image-preview';
import './attachment-picker.css';

// Raster images our page can show in an <img>; every file is still served as a download.
const THUMBNAIL_TYPES = /^image\/(png|jpeg|gif|webp)$/;

/**
 * A message's files: images as thumbnails that open a large preview, the rest as download links. A
 * file the channel announced but we do not have (still fetching, or too large to fetch) gets no
 * link: there is nothing behind it yet.
 */
export function AttachmentList({ attachments }: { attachments: readonly AttachmentDto[] }) {
  const [previewing, setPreviewing] = useState<AttachmentDto | null>(null);
  const close = useCallback(() => setPreviewing(null), []);
  if (attachments.length === 0) return null;
  return (
    <>
      {previewing && <ImagePreview file={previewing} onClose={close} />}
      <ul className="message__attachments attachment-list">
        {attachments.map((a) => {
          // The sender chose the name: hidden characters are shown, not obeyed (`invoice\u202Efdp.exe`).
          const name = displayFilename(a.filename);
          if (a.status === 'pending' || a.status === 'unavailable') {
            const pending = a.status === 'pending';
            return (
              <li
                key={a.id}
                className={`attachment-list__missing attachment-list__missing--${a.status}`}
                data-testid={pending ? 'attachment-pending' : 'attachment-unavailable'}
              >
                <bdi className="attachment-list__name">{name}</bdi>{' '}
                {/* The fetch finishes live (message.updated): announce the wait politely. */}
                <span className="attachment-list__note" role={pending ? 'status' : undefined}>
                  {pending
                    ? t('attachment.pending')
                    : a.unavailableReason || t('attachment.unavailable')}
                </span>
              </li>
            );
          }
          return THUMBNAIL_TYPES.test(a.contentType) ? (
            <li key={a.id} className="attachment-list__image">
              <button
                type="button"
                className="attachment-list__preview"
                title={t('attachment.preview', { name })}
                onClick={() => setPreviewing(a)}
              >
                <img
                  src={a.url}
                  alt={name}
                  loading="lazy"
                  decoding="async"
                  data-testid="attachment-thumbnail"
                />
              </button>
            </li>
          ) : (
            <li key={a.id}>
              <a
                href={a.url}
                download={name}
                rel="noopener"
                data-testid="attachment-link"
                title={t('attachment.download', { name })}
              >
                <bdi>{name}</bdi>
              </a>
            </li>
          );
        })}
      </ul>
    </>
  );
}
