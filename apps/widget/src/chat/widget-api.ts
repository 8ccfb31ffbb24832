import type {
  VisitorContactDto,
  VisitorHistoryDto,
  VisitorMessageDto,
  VisitorSessionDto,
  WidgetCsatSurveyDto,
  WidgetArticleDto,
  WidgetArticleHitsDto,
  WidgetErrorDto,
} from '../shared/widget-wire';
import { uploadWithProgress } from './upload-request';

/** Where a message was written: the page, what led there, and the pre-chat answers (first message). */
export interface MessageOrigin {
  pageUrl: string;
  referrer: string | null;
  prechat: Record<string, string> | null;
}

export class WidgetApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For 429: when trying again can succeed. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/** REST calls of one visitor. No cookies are sent (credentials: 'omit'): the token is the session. */
export class WidgetApi {
  private token: string | null = null;
  constructor(
    private readonly apiBase: string,
    private readonly inboxId: string,
  ) {}

  setToken(token: string | null): void {
    this.token = token;
  }

  session(body: {
    visitorToken: string | null;
    identity: { userId: string; hmac: string } | null;
  }) {
    return this.call<VisitorSessionDto>('POST', '/session', JSON.stringify(body));
  }

  history() {
    return this.call<VisitorHistoryDto>('GET', '/messages');
  }

  sendText(clientMessageId: string, text: string, origin: MessageOrigin) {
    return this.call<VisitorMessageDto>(
      'POST',
      '/messages',
      JSON.stringify({ clientMessageId, text, ...origin }),
    );
  }

  /** The upload reports its progress (0..1) as it goes. */
  async sendFile(
    clientMessageId: string,
    file: File,
    text: string,
    origin: MessageOrigin,
    onProgress: (fraction: number) => void,
  ): Promise<VisitorMessageDto> {
    const form = new FormData();
    form.set('clientMessageId', clientMessageId);
    form.set('text', text);
    if (origin.pageUrl) form.set('pageUrl', origin.pageUrl);
    if (origin.referrer) form.set('referrer', origin.referrer);
    if (origin.prechat) form.set('prechat', JSON.stringify(origin.prechat));
    form.set('file', file);
    // Repeated as a header, readable before the body: a retry of a stored upload is let through
    // even when the day's uploads are used up, and answered with the stored message.
    const headers = { ...this.headers(), 'X-Client-Message-Id': clientMessageId };
    const reply = await uploadWithProgress(this.url('/attachments'), headers, form, onProgress);
    if (reply.status < 200 || reply.status >= 300)
      throw errorOf(reply.status, reply.body, reply.statusText);
    return reply.body as VisitorMessageDto;
  }

  /** Mails a confirmation link to the address; it is used once the visitor opens the link. */
  saveEmail(email: string, pageUrl: string) {
    return this.call<VisitorContactDto>('POST', '/contact', JSON.stringify({ email, pageUrl }));
  }

  /** The visitor's satisfaction surveys, answered or not (a reload shows what was answered). */
  csatSurveys() {
    return this.call<{ items: WidgetCsatSurveyDto[] }>('GET', '/csat');
  }

  answerCsat(surveyId: string, rating: number, comment: string | null) {
    return this.call<{ rating: number }>(
      'POST',
      `/csat/${encodeURIComponent(surveyId)}`,
      JSON.stringify({ rating, comment }),
    );
  }

  /** Published articles matching `q`, the visitor's language first. */
  searchArticles(q: string, locale: string, limit: number, suggest = false) {
    const query = new URLSearchParams({ q, locale, limit: String(limit) });
    if (suggest) query.set('suggest', '1');
    return this.call<WidgetArticleHitsDto>('GET', `/articles?${query.toString()}`);
  }

  /** One article to read in the panel (the server records the view for the operator). */
  article(versionId: string) {
    return this.call<WidgetArticleDto>('GET', `/articles/${encodeURIComponent(versionId)}`);
  }

  /** A one-time link that opens the customer portal signed in (a confirmed address only). */
  portalLink() {
    return this.call<{ url: string; expiresAt: string }>('POST', '/portal-link');
  }

  async attachment(id: string): Promise<Blob> {
    const res = await fetch(this.url(`/attachments/${encodeURIComponent(id)}`), {
      headers: this.headers(),
      credentials: 'omit',
    });
    if (!res.ok) throw await toError(res);
    return res.blob();
  }

  private url(path: string): string {
    return `${this.apiBase}/api/widget/${encodeURIComponent(this.inboxId)}${path}`;
  }

  private headers(json = false): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.token) headers['Authorization'] = `Bearer ${this.token}`;
    if (json) headers['Content-Type'] = 'application/json';
    return headers;
  }

  private async call<T>(
    method: string,
    path: string,
    body?: string | FormData,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    const res = await fetch(this.url(path), {
      method,
      headers: { ...this.headers(typeof body === 'string'), ...extraHeaders },
      body,
      credentials: 'omit',
    });
    if (!res.ok) throw await toError(res);
    return (await res.json()) as T;
  }
}

async function toError(res: Response): Promise<WidgetApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  return errorOf(res.status, body, res.statusText);
}

function errorOf(status: number, raw: unknown, statusText: string): WidgetApiError {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Partial<WidgetErrorDto>;
  return new WidgetApiError(
    status,
    body.code ?? 'UNKNOWN',
    body.message ?? statusText,
    body.details?.retryAfterSeconds ?? null,
  );
}
