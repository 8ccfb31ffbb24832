import { displayFilename, displayText } from './display-text';
import { el } from './dom';
import type { ChatTexts } from './i18n';
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
  if (message.text)
    item.appendChild(
      el('div', { className: 'sb-text', text: message.text, attrs: { dir: 'auto' } }),
    );
  for (const attachment of message.attachments)
    item.appendChild(renderAttachment(attachment, deps));
  if (mine) {
    const status = statusText(message, deps.texts);
    item.appendChild(
      el('div', {
        className: 'sb-meta',
        text: status.mark,
        attrs: { 'data-status': status.key, title: status.label, 'aria-label': status.label },
      }),
    );
  }
  if (message.local === 'failed' && message.retry) {
    const retry = message.retry;
    item.addEventListener('click', () => retry(), { once: true });
  }
  return item;
}

function renderAttachment(attachment: VisitorAttachmentDto, deps: MessageViewDeps): HTMLElement {
  const button = el('button', { className: 'sb-file', attrs: { type: 'button', dir: 'auto' } });
  const isImage = attachment.contentType.startsWith('image/');
  // Hidden characters in a file name are shown, not obeyed (`invoice\u202Efdp.exe`).
  button.textContent = `📎 ${displayFilename(attachment.filename)}`;
  button.addEventListener('click', () => deps.openAttachment(attachment, null));
  if (isImage && !attachment.id.startsWith('local-')) deps.openAttachment(attachment, button);
  return button;
}

function statusText(
  message: ChatMessage,
  texts: ChatTexts,
): { key: string; mark: string; label: string } {
  if (message.local === 'sending') return { key: 'sending', mark: '…', label: texts.sending };
  if (message.local === 'failed')
    return { key: 'failed', mark: `! ${texts.failed}`, label: texts.failed };
  switch (message.status) {
    case 'read':
      return { key: 'read', mark: `✓✓ ${texts.read}`, label: texts.read };
    case 'delivered':
      return { key: 'delivered', mark: '✓✓', label: texts.delivered };
    default:
      return { key: 'sent', mark: '✓', label: texts.sent };
  }
}
