import type { CsatScale, WidgetCsatSurveyDto } from '../shared/widget-wire';
import { el } from './dom';
import type { ChatTexts } from './i18n';

/** Mirrors the contract's `csatRange`, kept local so the chat bundle does not pull in zod. */
export function ratingRange(scale: CsatScale): { min: number; max: number } {
  return scale === 'csat' ? { min: 1, max: 5 } : { min: 0, max: 10 };
}

/** Longest comment the API takes (`CSAT_MAX_COMMENT`). */
const MAX_COMMENT = 1000;

/**
 * The rating row under a survey message: native buttons (Tab, Enter and Space work; arrow keys
 * move between them), then an optional comment and Send. Answered, it becomes one line of thanks.
 */
export class CsatRow {
  readonly element: HTMLLIElement;
  private readonly buttons: HTMLButtonElement[];
  private readonly form: HTMLFormElement;
  private readonly comment: HTMLTextAreaElement | null;
  private readonly send: HTMLButtonElement;
  private readonly error: HTMLElement;
  private selected: number | null = null;

  constructor(
    readonly survey: WidgetCsatSurveyDto,
    private readonly texts: ChatTexts,
    onSend: (rating: number, comment: string | null) => void,
  ) {
    const { min, max } = ratingRange(survey.scale);
    this.buttons = [];
    for (let rating = min; rating <= max; rating++) this.buttons.push(this.ratingButton(rating));
    const scaleGroup = el(
      'div',
      { className: 'sb-csat-scale', attrs: { role: 'group', 'aria-label': survey.question } },
      this.buttons,
    );
    scaleGroup.addEventListener('keydown', (event) => this.arrowKeys(event));
    this.comment = survey.commentEnabled
      ? el('textarea', {
          attrs: {
            name: 'comment',
            rows: '2',
            maxlength: String(MAX_COMMENT),
            placeholder: texts.csatComment,
            'aria-label': texts.csatComment,
            dir: 'auto',
          },
        })
      : null;
    this.send = el('button', { text: texts.csatSend, attrs: { type: 'submit' } });
    this.form = el('form', { className: 'sb-csat-form' }, [this.comment, this.send]);
    this.form.hidden = true;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.selected === null) return;
      const text = this.comment?.value.trim() ?? '';
      onSend(this.selected, text.length > 0 ? text : null);
    });
    this.error = el('div', { className: 'sb-csat-error', attrs: { role: 'alert' } });
    this.element = el(
      'li',
      { className: 'sb-csat', attrs: { 'data-survey-id': survey.surveyId, 'data-state': 'open' } },
      [
        scaleGroup,
        el('div', {
          className: 'sb-csat-hint',
          text: survey.scale === 'csat' ? texts.csatHint : texts.npsHint,
        }),
        this.form,
        this.error,
      ],
    );
  }

  setBusy(busy: boolean): void {
    for (const b of this.buttons) b.disabled = busy;
    this.send.disabled = busy;
    if (this.comment) this.comment.disabled = busy;
  }

  showError(text: string): void {
    this.error.textContent = text;
  }

  /** The row gives way to a line of thanks (or of why nothing more can be sent). */
  finish(line: string): void {
    this.element.dataset['state'] = 'answered';
    this.element.replaceChildren(
      el('div', { className: 'sb-csat-done', text: line, attrs: { role: 'status' } }),
    );
  }

  private ratingButton(rating: number): HTMLButtonElement {
    const { max } = ratingRange(this.survey.scale);
    const button = el('button', {
      text: String(rating),
      attrs: {
        type: 'button',
        'data-rating': String(rating),
        'aria-label': this.texts.csatRate(rating, max),
        'aria-pressed': 'false',
      },
    });
    button.addEventListener('click', () => this.choose(rating));
    return button;
  }

  private choose(rating: number): void {
    this.selected = rating;
    for (const b of this.buttons)
      b.setAttribute('aria-pressed', String(b.dataset['rating'] === String(rating)));
    this.showError('');
    this.form.hidden = false;
  }

  private arrowKeys(event: KeyboardEvent): void {
    const at = this.buttons.indexOf(event.target as HTMLButtonElement);
    if (at === -1) return;
    const last = this.buttons.length - 1;
    const rtl = this.element.closest('[dir=rtl]') !== null;
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    const next =
      event.key === forward
        ? Math.min(last, at + 1)
        : event.key === backward
          ? Math.max(0, at - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    this.buttons[next].focus();
  }
}
