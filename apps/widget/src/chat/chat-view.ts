import { el } from './dom';
import type { ChatTexts } from './i18n';

/** The panel's fixed parts; messages are rendered into `log` by the controller. */
export interface ChatView {
  root: HTMLElement;
  title: HTMLElement;
  notice: HTMLElement;
  log: HTMLOListElement;
  typing: HTMLElement;
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
  const closeButton = el('button', {
    text: '×',
    attrs: { type: 'button', 'aria-label': texts.close },
  });
  const notice = el('div', { className: 'sb-notice', attrs: { dir: 'auto' } });
  notice.hidden = true;
  const log = el('ol', { className: 'sb-log', attrs: { 'aria-live': 'polite' } });
  const typing = el('div', { className: 'sb-typing', attrs: { 'aria-live': 'polite' } });
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
    { className: 'sb-attach', attrs: { title: texts.attach, 'aria-label': texts.attach } },
    [document.createTextNode('📎'), fileInput],
  );
  const composer = el('form', { className: 'sb-compose' }, [
    attach,
    textarea,
    el('button', { text: texts.send, attrs: { type: 'submit' } }),
  ]);
  const root = el(
    'section',
    { className: 'sb-chat', attrs: { role: 'dialog', 'aria-label': texts.title } },
    [
      el('header', { className: 'sb-head' }, [title, closeButton]),
      notice,
      log,
      typing,
      emailForm,
      error,
      composer,
    ],
  );
  return {
    root,
    title,
    notice,
    log,
    typing,
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
