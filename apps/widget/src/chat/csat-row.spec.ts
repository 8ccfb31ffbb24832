import { describe, expect, it, vi } from 'vitest';
import type { WidgetCsatSurveyDto } from '../shared/widget-wire';
import { CsatRow } from './csat-row';
import { chatTexts } from './i18n';

const survey = (over: Partial<WidgetCsatSurveyDto> = {}): WidgetCsatSurveyDto => ({
  surveyId: 's1',
  conversationId: 'c1',
  messageId: 'm1',
  question: 'How did we do?',
  scale: 'csat',
  commentEnabled: true,
  answered: null,
  ...over,
});

const buttons = (row: CsatRow) =>
  Array.from(row.element.querySelectorAll<HTMLButtonElement>('.sb-csat-scale button'));

describe('CsatRow', () => {
  it('offers 1–5 with spoken names, then a comment and Send; sends the chosen rating', () => {
    const onSend = vi.fn();
    const row = new CsatRow(survey(), chatTexts('en'), onSend);
    document.body.appendChild(row.element);
    expect(buttons(row).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Rate 1 out of 5',
      'Rate 2 out of 5',
      'Rate 3 out of 5',
      'Rate 4 out of 5',
      'Rate 5 out of 5',
    ]);
    expect(row.element.querySelector('[role=group]')?.getAttribute('aria-label')).toBe(
      'How did we do?',
    );
    const form = row.element.querySelector('form')!;
    expect(form.hidden).toBe(true);
    buttons(row)[3].click();
    expect(form.hidden).toBe(false);
    expect(buttons(row).map((b) => b.getAttribute('aria-pressed'))).toEqual([
      'false',
      'false',
      'false',
      'true',
      'false',
    ]);
    row.element.querySelector('textarea')!.value = '  Quick and kind  ';
    form.requestSubmit();
    expect(onSend).toHaveBeenCalledWith(4, 'Quick and kind');
    row.finish('Thanks!');
    expect(row.element.dataset['state']).toBe('answered');
    expect(buttons(row)).toHaveLength(0);
    expect(row.element.textContent).toBe('Thanks!');
    row.element.remove();
  });

  it('NPS: 0–10 in German, no comment box when the inbox takes none, arrow keys move focus', () => {
    const onSend = vi.fn();
    const row = new CsatRow(
      survey({ scale: 'nps', commentEnabled: false }),
      chatTexts('de'),
      onSend,
    );
    document.body.appendChild(row.element);
    expect(buttons(row).map((b) => b.textContent)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(buttons(row)[9].getAttribute('aria-label')).toBe('Mit 9 von 10 bewerten');
    expect(row.element.querySelector('textarea')).toBeNull();
    buttons(row)[0].focus();
    const key = (k: string) =>
      document.activeElement!.dispatchEvent(
        new KeyboardEvent('keydown', { key: k, bubbles: true }),
      );
    key('ArrowRight');
    expect(document.activeElement).toBe(buttons(row)[1]);
    key('End');
    expect(document.activeElement).toBe(buttons(row)[10]);
    key('ArrowRight');
    expect(document.activeElement).toBe(buttons(row)[10]);
    key('Home');
    expect(document.activeElement).toBe(buttons(row)[0]);
    buttons(row)[9].click();
    row.element.querySelector('form')!.requestSubmit();
    expect(onSend).toHaveBeenCalledWith(9, null);
    row.element.remove();
  });
});
