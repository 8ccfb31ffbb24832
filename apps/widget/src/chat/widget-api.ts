import type {
  VisitorContactDto,
  VisitorHistoryDto,
  VisitorMessageDto,
  VisitorSessionDto,
  WidgetCsatSurveyDto,
  WidgetErrorDto,
} from '../shared/widget-wire';

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

  sendText(clientMessageId: string, text: string, visitorName: string | null, pageUrl: string) {
    return this.call<VisitorMessageDto>(
      'POST',
      '/messages',
      JSON.stringify({ clientMessageId, text, visitorName, pageUrl }),
    );
  }

  sendFile(clientMessageId: string, file: File, text: string, pageUrl: string) {
    const form = new FormData();
    form.set('clientMessageId', clientMessageId);
    form.set('text', text);
    form.set('pageUrl', pageUrl);
    form.set('file', file);
    // Repeated as a header, readable before the body: a retry of a stored upload is let through
    // even when the day's uploads are used up, and answered with the stored message.
    return this.call<VisitorMessageDto>('POST', '/attachments', form, {
      'X-Client-Message-Id': clientMessageId,
    });
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
  try {
    const body = (await res.json()) as Partial<WidgetErrorDto>;
    return new WidgetApiError(
      res.status,
      body.code ?? 'UNKNOWN',
      body.message ?? res.statusText,
      body.details?.retryAfterSeconds ?? null,
    );
  } catch {
    return new WidgetApiError(res.status, 'UNKNOWN', res.statusText);
  }
}
