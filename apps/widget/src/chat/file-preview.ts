import { displayFilename } from './display-text';
import { el } from './dom';
import type { ChatTexts } from './i18n';
import { icon } from './icons';

export interface FilePreview {
  root: HTMLElement;
  show(file: File): void;
  hide(): void;
}

/**
 * The chosen file before it leaves: an image shown as it will be sent (any other file by name),
 * with an optional caption. Sending or cancelling frees the preview's object URL.
 */
export function buildFilePreview(
  texts: ChatTexts,
  maxCaption: () => number,
  onSend: (file: File, caption: string) => void,
): FilePreview {
  const thumb = el('div', { className: 'sb-preview-thumb' });
  const caption = el('input', {
    attrs: {
      type: 'text',
      name: 'caption',
      dir: 'auto',
      placeholder: texts.captionPlaceholder,
      'aria-label': texts.captionPlaceholder,
    },
  });
  const cancel = el('button', {
    className: 'sb-preview-cancel',
    text: texts.cancel,
    attrs: { type: 'button' },
  });
  const send = el('button', { className: 'sb-preview-send', attrs: { type: 'submit' } }, [
    icon('send', 'sb-icon sb-dir-icon'),
    el('span', { text: texts.send }),
  ]);
  const root = el(
    'form',
    { className: 'sb-preview', attrs: { 'aria-label': texts.previewTitle } },
    [thumb, caption, el('div', { className: 'sb-preview-actions' }, [cancel, send])],
  );
  root.hidden = true;
  let current: { file: File; url: string | null } | null = null;

  const hide = () => {
    if (current?.url) URL.revokeObjectURL(current.url);
    current = null;
    thumb.replaceChildren();
    caption.value = '';
    root.hidden = true;
  };
  const show = (file: File) => {
    hide();
    const isImage = file.type.startsWith('image/');
    const url = isImage ? URL.createObjectURL(file) : null;
    current = { file, url };
    caption.maxLength = maxCaption();
    if (url) thumb.appendChild(el('img', { attrs: { src: url, alt: displayFilename(file.name) } }));
    else
      thumb.append(
        icon('file'),
        el('span', { text: displayFilename(file.name), attrs: { dir: 'auto' } }),
      );
    root.hidden = false;
    caption.focus();
  };
  root.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!current) return;
    const { file } = current;
    const text = caption.value;
    hide();
    onSend(file, text);
  });
  cancel.addEventListener('click', hide);
  // Escape leaves the preview, not the whole chat.
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    hide();
  });
  return { root, show, hide };
}
