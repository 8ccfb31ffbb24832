import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type {
  VisitorHistoryDto,
  VisitorMessageDto,
  VisitorSessionDto,
  WidgetClientToServerEvents,
  WidgetServerToClientEvents,
} from '../dto/widget-wire.dto';

export interface HttpReply<T> {
  status: number;
  body: T;
}

/** A visitor as the widget behaves on the wire, for integration tests (Origin header included). */
export class WidgetVisitorClient {
  token: string | null = null;
  socket: Socket<WidgetServerToClientEvents, WidgetClientToServerEvents> | null = null;
  readonly received: VisitorMessageDto[] = [];
  readonly typing: Array<{ typing: boolean; name: string | null }> = [];
  readonly reads: string[] = [];

  constructor(
    readonly baseUrl: string,
    readonly inboxId: string,
    readonly origin: string | null,
  ) {}

  async session(body: Record<string, unknown> = {}): Promise<HttpReply<VisitorSessionDto>> {
    const r = await this.request<VisitorSessionDto>('POST', '/session', {
      visitorToken: this.token,
      ...body,
    });
    if (r.status === 200) this.token = r.body.visitorToken;
    return r;
  }

  say(text: string, clientMessageId: string = randomUUID(), extra: Record<string, unknown> = {}) {
    return this.request<VisitorMessageDto>('POST', '/messages', {
      clientMessageId,
      text,
      ...extra,
    });
  }

  history() {
    return this.request<VisitorHistoryDto>('GET', '/messages');
  }

  leaveEmail(email: string, pageUrl?: string) {
    return this.request<{ email: string }>('POST', '/contact', { email, pageUrl });
  }

  async upload(filename: string, content: Buffer, type = 'application/octet-stream') {
    const form = new FormData();
    form.set('clientMessageId', randomUUID());
    form.set('file', new Blob([new Uint8Array(content)], { type }), filename);
    return this.request<VisitorMessageDto>('POST', '/attachments', form);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<HttpReply<T>> {
    const headers: Record<string, string> = {};
    if (this.origin) headers['origin'] = this.origin;
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    if (body !== undefined && !(body instanceof FormData))
      headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}/api/widget/${this.inboxId}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async connect(): Promise<void> {
    const socket = io(`${this.baseUrl}/widget`, {
      auth: { inboxId: this.inboxId, visitorToken: this.token },
      transports: ['websocket'],
      extraHeaders: this.origin ? { origin: this.origin } : {},
      reconnection: false,
      forceNew: true,
    });
    this.socket = socket;
    socket.on('message', (m) => this.received.push(m));
    socket.on('typing', (t) => this.typing.push(t));
    socket.on('read', (r) => this.reads.push(r.until));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => reject(err));
    });
  }

  disconnect(): void {
    this.socket?.disconnect();
    this.socket = null;
  }
}
