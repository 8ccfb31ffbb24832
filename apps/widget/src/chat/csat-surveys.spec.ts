import { describe, expect, it, vi } from 'vitest';
import type { WidgetCsatSurveyDto } from '../shared/widget-wire';
import { CsatSurveys, type CsatApi } from './csat-surveys';
import { chatTexts } from './i18n';
import { WidgetApiError } from './widget-api';

const pending: WidgetCsatSurveyDto = {
  surveyId: 's1',
  conversationId: 'c1',
  messageId: 'm2',
  question: 'How did we do?',
  scale: 'csat',
  commentEnabled: true,
  answered: null,
};

/** A log with two messages, rendered the way the chat renders it. */
function setup(api: CsatApi) {
  const log = document.createElement('ol');
  document.body.appendChild(log);
  const render = () => {
    log.replaceChildren(
      ...['m1', 'm2'].map((id) => {
        const li = document.createElement('li');
        li.setAttribute('data-message-id', id);
        return li;
      }),
    );
  };
  const surveys: CsatSurveys = new CsatSurveys(api, chatTexts('en'), () =>
    surveys.place(log, render),
  );
  const order = () =>
    Array.from(log.children).map(
      (li) => li.getAttribute('data-message-id') ?? `csat:${li.getAttribute('data-state')}`,
    );
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { log, surveys, order, flush, rerender: () => surveys.place(log, render) };
}

function rate(log: HTMLElement, rating: number, comment?: string): void {
  log.querySelector<HTMLButtonElement>(`button[data-rating="${rating}"]`)!.click();
  if (comment !== undefined) log.querySelector('textarea')!.value = comment;
  log.querySelector('form')!.requestSubmit();
}

describe('CsatSurveys', () => {
  it('puts the row under its survey message, keeps it across re-renders, and thanks after sending', async () => {
    const api = {
      csatSurveys: vi.fn().mockResolvedValue({ items: [pending] }),
      answerCsat: vi.fn().mockResolvedValue({ rating: 2 }),
    };
    const { log, surveys, order, flush, rerender } = setup(api);
    // An operator's named reply is not a survey; the automatic survey message is.
    surveys.messageArrived({ ...message('m1'), senderName: 'Anna' });
    expect(api.csatSurveys).not.toHaveBeenCalled();
    surveys.messageArrived(message('m2'));
    await flush();
    expect(order()).toEqual(['m1', 'm2', 'csat:open']);
    log.querySelector<HTMLButtonElement>('button[data-rating="2"]')!.click();
    const comment = log.querySelector('textarea')!;
    comment.value = 'Slow';
    comment.focus();
    rerender();
    expect(order()).toEqual(['m1', 'm2', 'csat:open']);
    expect(document.activeElement).toBe(comment);
    surveys.messageArrived(message('m2'));
    expect(api.csatSurveys).toHaveBeenCalledTimes(1);

    log.querySelector('form')!.requestSubmit();
    await flush();
    expect(api.answerCsat).toHaveBeenCalledWith('s1', 2, 'Slow');
    expect(log.querySelector('.sb-csat')?.textContent).toBe(
      'Thank you for your feedback! You rated us 2 out of 5.',
    );
    expect(log.querySelector('.sb-csat button')).toBeNull();
    log.remove();
  });

  it('after a reload an answered survey shows thanks, no buttons', async () => {
    const api = {
      csatSurveys: vi
        .fn()
        .mockResolvedValue({ items: [{ ...pending, answered: { rating: 5, comment: null } }] }),
      answerCsat: vi.fn(),
    };
    const { log, surveys, order } = setup(api);
    await surveys.refresh();
    expect(order()).toEqual(['m1', 'm2', 'csat:answered']);
    expect(log.querySelector('.sb-csat')?.textContent).toContain('You rated us 5 out of 5');
    expect(log.querySelector('.sb-csat button')).toBeNull();
    log.remove();
  });

  it('says in words why an answer was refused', async () => {
    const answerCsat = vi
      .fn()
      .mockRejectedValueOnce(new WidgetApiError(422, 'INVALID_RATING', 'The rating must be …'))
      .mockRejectedValueOnce(new WidgetApiError(500, 'INTERNAL', 'boom'))
      .mockRejectedValueOnce(
        new WidgetApiError(409, 'CONFLICT', 'This survey was already answered'),
      );
    const api = { csatSurveys: vi.fn().mockResolvedValue({ items: [pending] }), answerCsat };
    const { log, surveys, flush } = setup(api);
    await surveys.refresh();
    const error = () => log.querySelector('.sb-csat-error')?.textContent;
    rate(log, 3);
    await flush();
    expect(error()).toBe('Please choose a rating from 1 to 5.');
    expect(log.querySelector<HTMLButtonElement>('.sb-csat-form button')!.disabled).toBe(false);
    rate(log, 3);
    await flush();
    expect(error()).toBe('The chat is not available right now.');
    rate(log, 3, 'again');
    await flush();
    expect(log.querySelector('.sb-csat')?.textContent).toBe(
      'This conversation was already rated. Thank you!',
    );
    log.remove();
  });
});

function message(id: string) {
  return {
    id,
    clientMessageId: null,
    author: 'operator' as const,
    senderName: null,
    text: 'How did we do?',
    attachments: [],
    status: null,
    createdAt: '2026-01-01T10:00:00.000Z',
  };
}
