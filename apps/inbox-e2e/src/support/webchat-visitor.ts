import { randomUUID } from 'node:crypto';

/** A web chat visitor as the widget talks to the API: a session token, then messages. */
export class WebchatVisitor {
  private token: string | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly inboxId: string,
    private readonly name: string,
    private readonly origin = 'https://shop.example',
  ) {}

  /** `extra`: what else the widget sends with a message (pageUrl, referrer, prechat answers). */
  async say(text: string, extra: Record<string, unknown> = {}): Promise<void> {
    if (!this.token) {
      const session = await this.post<{ visitorToken: string }>('/session', {});
      this.token = session.visitorToken;
    }
    await this.post('/messages', {
      clientMessageId: randomUUID(),
      text,
      visitorName: this.name,
      ...extra,
    });
  }

  /** What the widget shows the visitor: texts and attachment file names, oldest first. */
  async history(): Promise<unknown> {
    const res = await fetch(`${this.baseUrl}/api/widget/${this.inboxId}/messages`, {
      headers: { origin: this.origin, authorization: `Bearer ${this.token ?? ''}` },
    });
    return res.json();
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    const headers: Record<string, string> = {
      origin: this.origin,
      'content-type': 'application/json',
    };
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    const res = await fetch(`${this.baseUrl}/api/widget/${this.inboxId}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`widget ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }
}
