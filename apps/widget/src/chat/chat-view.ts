import { el } from './dom';
import type { ChatTexts } from './i18n';
import { icon } from './icons';

/** The panel's fixed parts; messages are rendered into `log` by the controller. */
export interface ChatView {
  root: HTMLElement;
  title: HTMLElement;
  /** "We typically reply in a few minutes" / "We're away — we'll reply on Monday at 09:00". */
  availability: HTMLElement;
  notice: HTMLElement;
  log: HTMLOListElement;
  typing: HTMLElement;
  /** Holds the pre-chat form while it is asked (the composer waits meanwhile). */
  preChat: HTMLElement;
  /** Holds the file preview (image and caption) before a file is sent. */
  preview: HTMLElement;
  emailForm: HTMLFormElement;
  emailInput: HTMLInputElement;
  emailLabel: HTMLElement;
  error: HTMLElement;
  composer: HTMLFormElement;
  textarea: HTMLTextAreaElement;
  fileInput: HTMLInputElement;
  closeButton: HTMLButtonElement;
}

export function buildChatView(texts: ChatTexts, accept: string): ChatView {
  const title = el('h2', { text: texts.title });
  const availability = el('p', { className: 'sb-availability', attrs: { dir: 'auto' } });
  availability.hidden = true;
  const closeButton = el('button', { attrs: { type: 'button', 'aria-label': texts.close } }, [
    icon('close'),
  ]);
  const notice = el('div', { className: 'sb-notice', attrs: { dir: 'auto' } });
  notice.hidden = true;
  // Focusable, so a keyboard can scroll a long conversation that holds no link or button.
  const log = el('ol', { className: 'sb-log', attrs: { 'aria-live': 'polite', tabindex: '0' } });
  const typing = el('div', { className: 'sb-typing', attrs: { 'aria-live': 'polite' } });
  const preChat = el('div', { className: 'sb-prechat-slot' });
  preChat.hidden = true;
  const preview = el('div', { className: 'sb-preview-slot' });
  const emailInput = el('input', {
    attrs: {
      type: 'email',
      name: 'email',
      placeholder: texts.emailPlaceholder,
      autocomplete: 'email',
      maxlength: '254',
    },
  });
  const emailLabel = el('label', { text: texts.emailPrompt });
  const emailForm = el('form', { className: 'sb-email', attrs: { novalidate: '' } }, [
    emailLabel,
    emailInput,
    el('button', { text: texts.emailSave, attrs: { type: 'submit' } }),
  ]);
  emailForm.hidden = true;
  const error = el('div', { className: 'sb-error', attrs: { role: 'alert' } });
  const textarea = el('textarea', {
    attrs: {
      name: 'message',
      rows: '1',
      placeholder: texts.placeholder,
      'aria-label': texts.placeholder,
      dir: 'auto',
    },
  });
  const fileInput = el('input', { attrs: { type: 'file', accept, name: 'file' } });
  const attach = el(
    'label',
    // The label's words name the file input, which stays in the Tab order (visually hidden).
    { className: 'sb-attach', attrs: { title: texts.attach } },
    [icon('attach'), el('span', { className: 'sb-hidden-text', text: texts.attach }), fileInput],
  );
  const send = el('button', { className: 'sb-send', attrs: { type: 'submit' } }, [
    icon('send', 'sb-icon sb-dir-icon'),
    el('span', { text: texts.send }),
  ]);
  const composer = el('form', { className: 'sb-compose' }, [attach, textarea, send]);
  const root = el(
    'section',
    { className: 'sb-chat', attrs: { role: 'dialog', 'aria-label': texts.title } },
    [
      el('header', { className: 'sb-head' }, [
        el('div', { className: 'sb-head-text' }, [title, availability]),
        closeButton,
      ]),
      notice,
      log,
      typing,
      preChat,
      preview,
      emailForm,
      error,
      composer,
    ],
  );
  return {
    root,
    title,
    availability,
    notice,
    log,
    typing,
    preChat,
    preview,
    emailForm,
    emailInput,
    emailLabel,
    error,
    composer,
    textarea,
    fileInput,
    closeButton,
  };
}
