import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type {
  VisitorContactDto,
  VisitorHistoryDto,
  VisitorMessageDto,
  VisitorSessionDto,
  WidgetClientToServerEvents,
  WidgetServerToClientEvents,
  WidgetSocketErrorDto,
} from '../dto/widget-wire.dto';

export interface HttpReply<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** A refused socket handshake, with the server's reason (`data`). */
export type ConnectRefusal = Error & { data?: WidgetSocketErrorDto };

/** A visitor as the widget behaves on the wire, for integration tests (Origin header included). */
export class WidgetVisitorClient {
  token: string | null = null;
  socket: Socket<WidgetServerToClientEvents, WidgetClientToServerEvents> | null = null;
  readonly received: VisitorMessageDto[] = [];
  readonly typing: Array<{ typing: boolean; name: string | null }> = [];
  readonly reads: string[] = [];
  readonly contacts: VisitorContactDto[] = [];
  readonly errors: WidgetSocketErrorDto[] = [];
  /** Sent as X-Forwarded-For (the API trusts loopback proxies): which network the visitor is on. */
  forwardedFor: string | null = null;

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
    return this.request<VisitorContactDto>('POST', '/contact', { email, pageUrl });
  }

  async upload(
    filename: string,
    content: Buffer,
    type = 'application/octet-stream',
    clientMessageId: string = randomUUID(),
  ) {
    const form = new FormData();
    form.set('clientMessageId', clientMessageId);
    form.set('file', new Blob([new Uint8Array(content)], { type }), filename);
    return this.request<VisitorMessageDto>('POST', '/attachments', form, {
      'x-client-message-id': clientMessageId,
    });
  }

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<HttpReply<T>> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.origin) headers['origin'] = this.origin;
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    if (this.forwardedFor) headers['x-forwarded-for'] = this.forwardedFor;
    if (body !== undefined && !(body instanceof FormData))
      headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}/api/widget/${this.inboxId}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: (text ? JSON.parse(text) : null) as T,
      headers: res.headers,
    };
  }

  async connect(): Promise<void> {
    const socket = io(`${this.baseUrl}/widget`, {
      auth: { inboxId: this.inboxId, visitorToken: this.token },
      transports: ['websocket'],
      extraHeaders: {
        ...(this.origin ? { origin: this.origin } : {}),
        ...(this.forwardedFor ? { 'x-forwarded-for': this.forwardedFor } : {}),
      },
      reconnection: false,
      forceNew: true,
    });
    this.socket = socket;
    socket.on('message', (m) => this.received.push(m));
    socket.on('typing', (t) => this.typing.push(t));
    socket.on('read', (r) => this.reads.push(r.until));
    socket.on('contact', (c) => this.contacts.push(c));
    socket.on('error', (e) => this.errors.push(e));
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
