import { displayFilename, displayText } from './display-text';
import { el } from './dom';
import type { ChatTexts } from './i18n';
import { icon, type IconName } from './icons';
import type { ChatMessage } from './message-list';
import type { VisitorAttachmentDto } from '../shared/widget-wire';

export interface MessageViewDeps {
  texts: ChatTexts;
  openAttachment(attachment: VisitorAttachmentDto, into: HTMLElement | null): void;
}

/** One message bubble. dir="auto" lets Arabic or Hebrew text read right to left. */
export function renderMessage(message: ChatMessage, deps: MessageViewDeps): HTMLLIElement {
  const mine = message.author === 'visitor';
  const classes = ['sb-msg', mine ? 'visitor' : 'operator'];
  if (message.local === 'failed') classes.push('failed');
  const item = el('li', {
    className: classes.join(' '),
    attrs: { 'data-message-id': message.id, 'data-author': message.author },
  });
  const who = !mine && message.senderName ? displayText(message.senderName) : '';
  if (who) item.appendChild(el('div', { className: 'sb-who', text: who, attrs: { dir: 'auto' } }));
  if (message.localImageUrl)
    item.appendChild(
      el('img', { className: 'sb-local-image', attrs: { src: message.localImageUrl, alt: '' } }),
    );
  for (const attachment of message.attachments)
    item.appendChild(renderAttachment(attachment, deps));
  if (message.text)
    item.appendChild(
      el('div', { className: 'sb-text', text: message.text, attrs: { dir: 'auto' } }),
    );
  if (message.local === 'sending' && message.progress !== undefined)
    item.appendChild(progressBar(message.progress, deps.texts));
  if (mine) item.appendChild(statusLine(message, deps.texts));
  if (message.local === 'failed' && message.retry) {
    const retry = message.retry;
    item.addEventListener('click', () => retry(), { once: true });
  }
  return item;
}

/** Moves an upload's bar in place (re-rendering the log on every progress event would flicker). */
export function setProgress(item: Element, fraction: number, texts: ChatTexts): void {
  item.querySelector('.sb-progress')?.replaceWith(progressBar(fraction, texts));
}

function progressBar(fraction: number, texts: ChatTexts): HTMLElement {
  const percent = Math.max(0, Math.min(100, Math.round(fraction * 100)));
  const fill = el('span', { className: 'sb-progress-fill' });
  fill.style.inlineSize = `${percent}%`;
  return el(
    'div',
    {
      className: 'sb-progress',
      attrs: {
        role: 'progressbar',
        'aria-label': texts.uploading,
        'aria-valuemin': '0',
        'aria-valuemax': '100',
        'aria-valuenow': String(percent),
        'aria-valuetext': texts.uploadPercent(percent),
      },
    },
    [
      el('span', { className: 'sb-progress-track' }, [fill]),
      el('span', { className: 'sb-progress-text', text: texts.uploadPercent(percent) }),
    ],
  );
}

function renderAttachment(attachment: VisitorAttachmentDto, deps: MessageViewDeps): HTMLElement {
  const button = el('button', { className: 'sb-file', attrs: { type: 'button', dir: 'auto' } });
  const isImage = attachment.contentType.startsWith('image/');
  // Hidden characters in a file name are shown, not obeyed (`invoice\u202Efdp.exe`).
  button.append(
    icon('attach'),
    el('span', { className: 'sb-file-name', text: displayFilename(attachment.filename) }),
  );
  button.addEventListener('click', () => deps.openAttachment(attachment, null));
  if (isImage && !attachment.id.startsWith('local-')) deps.openAttachment(attachment, button);
  return button;
}

function statusLine(message: ChatMessage, texts: ChatTexts): HTMLElement {
  const status = statusOf(message, texts);
  const line = el('div', {
    className: 'sb-meta',
    // One picture (ticks and word) named by its label: a bare div may not carry aria-label.
    attrs: {
      'data-status': status.key,
      title: status.label,
      role: 'img',
      'aria-label': status.label,
    },
  });
  line.appendChild(icon(status.icon));
  if (status.shown) line.appendChild(el('span', { text: status.shown }));
  return line;
}

function statusOf(
  message: ChatMessage,
  texts: ChatTexts,
): { key: string; icon: IconName; label: string; shown: string } {
  if (message.local === 'sending')
    return { key: 'sending', icon: 'pending', label: texts.sending, shown: '' };
  if (message.local === 'failed')
    return { key: 'failed', icon: 'failed', label: texts.failed, shown: texts.failed };
  switch (message.status) {
    case 'read':
      return { key: 'read', icon: 'delivered', label: texts.read, shown: texts.read };
    case 'delivered':
      return { key: 'delivered', icon: 'delivered', label: texts.delivered, shown: '' };
    default:
      return { key: 'sent', icon: 'sent', label: texts.sent, shown: '' };
  }
}
