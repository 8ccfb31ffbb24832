import type { VisitorMessageDto, WidgetCsatSurveyDto } from '../shared/widget-wire';
import { CsatRow, ratingRange } from './csat-row';
import type { ChatTexts } from './i18n';
import { WidgetApiError, type WidgetApi } from './widget-api';

export type CsatApi = Pick<WidgetApi, 'csatSurveys' | 'answerCsat'>;

/**
 * The visitor's satisfaction surveys in the chat log: a rating row under each pending survey's
 * message, a line of thanks under an answered one. The API is the truth: after a reload an
 * answered survey shows no buttons.
 */
export class CsatSurveys {
  private readonly rows = new Map<string, CsatRow>();
  private readonly messageIds = new Set<string>();

  constructor(
    private readonly api: CsatApi,
    private readonly texts: ChatTexts,
    /** Asks the chat to render its log again, which places the rows. */
    private readonly changed: () => void,
  ) {}

  /** Re-reads the surveys; failures leave the chat as it is (the next message tries again). */
  async refresh(): Promise<void> {
    let items: WidgetCsatSurveyDto[];
    try {
      items = (await this.api.csatSurveys()).items;
    } catch {
      return;
    }
    for (const survey of items) {
      if (survey.messageId) this.messageIds.add(survey.messageId);
      const known = this.rows.get(survey.surveyId);
      if (known && (known.element.dataset['state'] === 'answered' || !survey.answered)) continue;
      const row = known ?? this.newRow(survey);
      if (survey.answered) row.finish(this.thanks(survey, survey.answered.rating));
    }
    this.changed();
  }

  /** A survey arrives as an automatic message (no operator's name): look for its buttons. */
  messageArrived(message: VisitorMessageDto): void {
    if (message.author !== 'operator' || message.senderName !== null) return;
    if (this.messageIds.has(message.id)) return;
    void this.refresh();
  }

  /**
   * Renders the log with `render` and puts each row under its survey's message (a pending survey
   * whose message is not in the log goes last). Focus inside a row survives the re-render.
   */
  place(log: HTMLOListElement, render: () => void): void {
    const focused = this.focusedInRow(log);
    render();
    for (const row of this.rows.values()) {
      const id = row.survey.messageId;
      const message = id
        ? Array.from(log.children).find((li) => li.getAttribute('data-message-id') === id)
        : undefined;
      if (message) message.after(row.element);
      else if (row.element.dataset['state'] === 'open') log.appendChild(row.element);
    }
    focused?.focus();
  }

  private newRow(survey: WidgetCsatSurveyDto): CsatRow {
    const row = new CsatRow(
      survey,
      this.texts,
      (rating, comment) => void this.answer(row, rating, comment),
    );
    this.rows.set(survey.surveyId, row);
    return row;
  }

  private async answer(row: CsatRow, rating: number, comment: string | null): Promise<void> {
    row.setBusy(true);
    row.showError('');
    try {
      await this.api.answerCsat(row.survey.surveyId, rating, comment);
      row.finish(this.thanks(row.survey, rating));
    } catch (error) {
      row.setBusy(false);
      this.refused(row, error);
    }
  }

  private refused(row: CsatRow, error: unknown): void {
    if (!(error instanceof WidgetApiError)) return row.showError(this.texts.unavailable);
    const { min, max } = ratingRange(row.survey.scale);
    if (error.status === 409) return row.finish(this.texts.csatAlready);
    if (error.status === 404) return row.finish(this.texts.csatGone);
    if (error.code === 'INVALID_RATING') return row.showError(this.texts.csatOutOfRange(min, max));
    if (error.code === 'RATE_LIMITED')
      return row.showError(this.texts.rateLimited(error.retryAfterSeconds ?? 60));
    row.showError(error.status >= 500 ? this.texts.unavailable : error.message);
  }

  private thanks(survey: WidgetCsatSurveyDto, rating: number): string {
    return this.texts.csatThanks(rating, ratingRange(survey.scale).max);
  }

  private focusedInRow(log: HTMLOListElement): HTMLElement | null {
    const root = log.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement;
    if (!(active instanceof HTMLElement)) return null;
    for (const row of this.rows.values()) if (row.element.contains(active)) return active;
    return null;
  }
}
