import type { PreChatFieldDto } from '../shared/widget-wire';
import { el } from './dom';
import type { ChatTexts } from './i18n';

export type PreChatAnswers = Record<string, string>;

const MAX_LENGTH: Record<PreChatFieldDto['type'], number> = { name: 255, email: 254, text: 500 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The questions an inbox asks before the first message. Checked here for the visitor's sake; the
 * server checks the same again. `onDone` gets the answers, which travel with the first message.
 */
export function buildPreChatForm(
  fields: readonly PreChatFieldDto[],
  texts: ChatTexts,
  onDone: (answers: PreChatAnswers) => void,
): HTMLFormElement {
  const error = el('p', { className: 'sb-prechat-error', attrs: { role: 'alert' } });
  const inputs = fields.map((field, index) => {
    const id = `sb-prechat-${index}`;
    const input = el('input', {
      attrs: {
        id,
        name: field.key,
        type: field.type === 'email' ? 'email' : 'text',
        maxlength: String(MAX_LENGTH[field.type]),
        autocomplete: field.type === 'name' ? 'name' : field.type === 'email' ? 'email' : 'off',
        dir: 'auto',
        ...(field.required ? { required: '', 'aria-required': 'true' } : {}),
      },
    });
    const label = el('label', {
      text: field.required ? field.label : texts.preChatOptional(field.label),
      attrs: { for: id, dir: 'auto' },
    });
    return { field, input, row: el('div', { className: 'sb-prechat-row' }, [label, input]) };
  });
  const form = el('form', { className: 'sb-prechat', attrs: { novalidate: '' } }, [
    el('p', { className: 'sb-prechat-intro', text: texts.preChatIntro }),
    ...inputs.map((i) => i.row),
    error,
    el('button', { text: texts.preChatStart, attrs: { type: 'submit' } }),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const answers: PreChatAnswers = {};
    for (const { field, input } of inputs) {
      const value = input.value.trim();
      input.removeAttribute('aria-invalid');
      const problem =
        !value && field.required
          ? texts.preChatRequired(field.label)
          : value && field.type === 'email' && !EMAIL.test(value)
            ? texts.preChatEmailInvalid
            : null;
      if (problem) {
        error.textContent = problem;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      if (value) answers[field.key] = value;
    }
    error.textContent = '';
    onDone(answers);
  });
  return form;
}
