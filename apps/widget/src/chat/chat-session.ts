import { io, type Socket } from 'socket.io-client';
import type { ChatController, ChatMountOptions } from '../shared/chat-mount';
import {
  WIDGET_NAMESPACE,
  type VisitorAttachmentDto,
  type VisitorContactDto,
  type WidgetSocketErrorDto,
  type WidgetClientToServerEvents,
  type WidgetServerToClientEvents,
  type WidgetSettingsDto,
} from '../shared/widget-wire';
import { buildChatView, type ChatView } from './chat-view';
import { CHAT_CSS } from './chat-styles';
import { newId, pageUrl } from './client-ids';
import { showAttachment } from './attachment-opener';
import { CsatSurveys } from './csat-surveys';
import { displayText } from './display-text';
import { emailNote } from './email-note';
import { chatTexts, type ChatTexts } from './i18n';
import { markReadUntil, mergeMessage, type ChatMessage } from './message-list';
import { renderMessage } from './message-view';
import { TokenStore } from './token-store';
import { WidgetApi, WidgetApiError } from './widget-api';

const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf';
type WidgetSocket = Socket<WidgetServerToClientEvents, WidgetClientToServerEvents>;

/** One visitor's chat: session, history, live socket and the panel, wired together. */
export class ChatSession implements ChatController {
  private readonly texts: ChatTexts;
  private readonly api: WidgetApi;
  private readonly store: TokenStore;
  private readonly view: ChatView;
  private readonly csat: CsatSurveys;
  private messages: ChatMessage[] = [];
  private settings: WidgetSettingsDto | null = null;
  private socket: WidgetSocket | null = null;
  private open = false;
  private acked = { delivered: new Set<string>(), read: new Set<string>() };
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private typingSent = false;
  private remoteTypingTimer: ReturnType<typeof setTimeout> | undefined;
  private ready: Promise<void>;
  private started = false;

  constructor(private readonly options: ChatMountOptions) {
    this.texts = chatTexts(options.locale);
    this.api = new WidgetApi(options.apiBase, options.inboxId);
    this.store = new TokenStore(options.inboxId);
    this.csat = new CsatSurveys(this.api, this.texts, () => this.render());
    const style = document.createElement('style');
    style.textContent = CHAT_CSS;
    options.styleRoot.appendChild(style);
    this.view = buildChatView(this.texts, ACCEPT);
    options.root.appendChild(this.view.root);
    this.bindView();
    this.ready = this.begin();
  }

  /** Starts (or, after a failure such as a network outage, restarts) the session. */
  private begin(): Promise<void> {
    this.started = false;
    return this.start().then(
      () => {
        this.started = true;
      },
      (error: unknown) => this.showError(error),
    );
  }

  private ensureStarted(): Promise<void> {
    if (!this.started)
      this.ready = this.ready.then(() => (this.started ? undefined : this.begin()));
    return this.ready;
  }

  setOpen(open: boolean): void {
    this.open = open;
    if (open) {
      this.view.textarea.focus();
      void this.ensureStarted().then(() => this.acknowledge());
    }
  }

  private async start(): Promise<void> {
    const session = await this.openSession();
    this.applySettings(session.settings, {
      email: session.email,
      pendingEmail: session.pendingEmail ?? null,
    });
    this.renderGreeting();
    await this.loadHistory();
    this.connect(session.visitorToken);
  }

  private async openSession() {
    const identity = this.options.identity;
    try {
      const session = await this.api.session({ visitorToken: this.store.get(), identity });
      return this.adopt(session);
    } catch (error) {
      // A stored token that expired or no longer verifies starts a fresh visitor instead of a dead chat.
      if (error instanceof WidgetApiError && error.status === 401 && this.store.get()) {
        this.store.set(null);
        return this.adopt(await this.api.session({ visitorToken: null, identity }));
      }
      throw error;
    }
  }

  private adopt<T extends { visitorToken: string }>(session: T): T {
    this.store.set(session.visitorToken);
    this.api.setToken(session.visitorToken);
    return session;
  }

  private applySettings(settings: WidgetSettingsDto, contact: VisitorContactDto): void {
    this.settings = settings;
    this.options.onAccent(settings.accentColor);
    this.view.title.textContent = displayText(settings.inboxName);
    this.view.notice.textContent = settings.officeHoursMessage;
    this.view.notice.hidden = settings.officeHoursMessage.length === 0;
    this.showEmail(settings.askEmail, contact);
  }

  /** The follow-up address: waiting for its confirmation link, or confirmed. */
  private showEmail(ask: boolean, contact: VisitorContactDto): void {
    this.view.emailForm.hidden = !ask;
    this.view.emailForm.dataset['state'] = contact.pendingEmail
      ? 'pending'
      : contact.email
        ? 'confirmed'
        : 'empty';
    this.view.emailLabel.textContent = emailNote(this.texts, contact);
    const shown = contact.pendingEmail ?? contact.email;
    if (shown) this.view.emailInput.value = shown;
  }

  private renderGreeting(): void {
    if (!this.settings?.greeting || this.view.log.querySelector('.sb-greeting')) return;
    const greeting = this.view.log.ownerDocument.createElement('li');
    greeting.className = 'sb-msg operator sb-greeting';
    greeting.dir = 'auto';
    greeting.textContent = this.settings.greeting;
    this.view.log.prepend(greeting);
  }

  private async loadHistory(): Promise<void> {
    const history = await this.api.history();
    for (const message of history.items) this.messages = mergeMessage(this.messages, message);
    this.render();
    this.acknowledge();
    void this.csat.refresh();
  }

  private connect(visitorToken: string): void {
    if (this.socket) return;
    const socket: WidgetSocket = io(`${this.options.apiBase}${WIDGET_NAMESPACE}`, {
      auth: { inboxId: this.options.inboxId, visitorToken },
      // WebSocket only: no long-polling requests, and the handshake carries the page's Origin.
      transports: ['websocket'],
      withCredentials: false,
    });
    this.socket = socket;
    let connectedBefore = false;
    socket.on('connect', () => {
      this.view.typing.textContent = '';
      // After a reconnect, fetch what arrived while we were away.
      if (connectedBefore) void this.loadHistory().catch(() => undefined);
      else this.acknowledge();
      connectedBefore = true;
    });
    socket.on('disconnect', () => (this.view.typing.textContent = this.texts.offline));
    socket.on('message', (message) => {
      this.messages = mergeMessage(this.messages, message);
      this.render();
      this.csat.messageArrived(message);
      this.acknowledge();
    });
    socket.on('read', ({ until }) => {
      this.messages = markReadUntil(this.messages, until);
      this.render();
    });
    socket.on('contact', (contact) => this.showEmail(this.settings?.askEmail ?? true, contact));
    socket.on('error', (error) => this.showSocketError(error));
    socket.on('connect_error', (err: Error & { data?: WidgetSocketErrorDto }) => {
      // A refused handshake is not retried by socket.io itself; a full house frees up, so we do.
      const refusal = err.data;
      if (refusal?.code !== 'RATE_LIMITED') return;
      this.showSocketError(refusal);
      const wait = Math.max(1, refusal.retryAfterSeconds ?? 30) * 1000;
      setTimeout(() => socket.connect(), wait);
    });
    socket.on('typing', ({ typing, name }) => {
      clearTimeout(this.remoteTypingTimer);
      this.view.typing.textContent = typing ? this.texts.typing(name && displayText(name)) : '';
      if (typing)
        this.remoteTypingTimer = setTimeout(() => (this.view.typing.textContent = ''), 8000);
    });
  }

  /**
   * Receipts for operator messages: delivered once they reach this widget, read once the open panel
   * shows them. Unread = operator messages not read yet, which also drives the bubble's badge.
   */
  private acknowledge(): void {
    const fromOperators = this.messages.filter(
      (m) => m.author === 'operator' && m.status !== 'read',
    );
    const socket = this.socket?.connected ? this.socket : null;
    const undelivered = fromOperators
      .filter((m) => m.status !== 'delivered' && !this.acked.delivered.has(m.id))
      .map((m) => m.id);
    if (socket && undelivered.length > 0) {
      undelivered.forEach((id) => this.acked.delivered.add(id));
      socket.emit('receipt', { status: 'delivered', messageIds: undelivered.slice(-100) });
    }
    const unread = fromOperators.filter((m) => !this.acked.read.has(m.id)).map((m) => m.id);
    const inView = this.open && document.visibilityState !== 'hidden';
    if (inView && socket && unread.length > 0) {
      unread.forEach((id) => this.acked.read.add(id));
      socket.emit('receipt', { status: 'read', messageIds: unread.slice(-100) });
    }
    this.options.onUnread(inView ? 0 : unread.length);
  }

  private bindView(): void {
    const { composer, textarea, fileInput, emailForm, closeButton } = this.view;
    closeButton.addEventListener('click', () => this.options.requestClose());
    this.view.root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.options.requestClose();
    });
    composer.addEventListener('submit', (event) => {
      event.preventDefault();
      this.sendText();
    });
    textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.sendText();
      }
    });
    textarea.addEventListener('input', () => this.typing());
    fileInput.addEventListener('change', () => {
      const file = fileInput.files?.[0];
      fileInput.value = '';
      if (file) this.sendFile(file);
    });
    emailForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.saveEmail();
    });
    document.addEventListener('visibilitychange', () => this.acknowledge());
  }

  private typing(): void {
    if (!this.typingSent) {
      this.typingSent = true;
      this.socket?.emit('typing', { typing: true });
    }
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.stopTyping(), 3000);
  }

  private stopTyping(): void {
    clearTimeout(this.typingTimer);
    if (this.typingSent) this.socket?.emit('typing', { typing: false });
    this.typingSent = false;
  }

  private sendText(): void {
    const text = this.view.textarea.value;
    const max = this.settings?.maxTextLength ?? 10_000;
    if (text.trim().length === 0) return;
    if (text.length > max) return this.setError(this.texts.tooLong(max));
    this.view.textarea.value = '';
    this.stopTyping();
    this.deliver(newId(), text, null);
  }

  private sendFile(file: File): void {
    const settings = this.settings;
    if (settings && !settings.attachmentTypes.includes(file.type))
      return this.setError(this.texts.fileType);
    if (settings && file.size > settings.maxAttachmentBytes) {
      return this.setError(
        this.texts.fileTooLarge(Math.round(settings.maxAttachmentBytes / 1024 / 1024)),
      );
    }
    this.deliver(newId(), '', file);
  }

  /** Optimistic send; a failure stays visible and retries with the same client id (stored once). */
  private deliver(clientMessageId: string, text: string, file: File | null): void {
    this.setError('');
    const attachments: VisitorAttachmentDto[] = file
      ? [
          {
            id: `local-${clientMessageId}`,
            filename: file.name,
            contentType: file.type,
            size: file.size,
          },
        ]
      : [];
    const pending: ChatMessage = {
      id: `local-${clientMessageId}`,
      clientMessageId,
      author: 'visitor',
      senderName: null,
      text: text || null,
      attachments,
      status: null,
      createdAt: new Date().toISOString(),
      local: 'sending',
    };
    this.messages = mergeMessage(this.messages, pending);
    this.render();
    const request = this.ensureStarted().then(() =>
      file
        ? this.api.sendFile(clientMessageId, file, text, pageUrl())
        : this.api.sendText(clientMessageId, text, null, pageUrl()),
    );
    request.then(
      (stored) => {
        this.messages = mergeMessage(this.messages, stored);
        this.render();
      },
      (error: unknown) => {
        const retry = () => this.deliver(clientMessageId, text, file);
        this.messages = mergeMessage(this.messages, { ...pending, local: 'failed', retry });
        this.render();
        this.showError(error);
      },
    );
  }

  private async saveEmail(): Promise<void> {
    const email = this.view.emailInput.value.trim();
    try {
      const contact = await this.api.saveEmail(email, pageUrl());
      this.setError('');
      this.showEmail(true, contact);
    } catch (error) {
      this.showError(error);
    }
  }

  private openAttachment(attachment: VisitorAttachmentDto, into: HTMLElement | null): void {
    this.api.attachment(attachment.id).then(
      (blob) => showAttachment(blob, attachment, into),
      (error: unknown) => this.showError(error),
    );
  }

  private render(): void {
    const deps = {
      texts: this.texts,
      openAttachment: (a: VisitorAttachmentDto, into: HTMLElement | null) =>
        this.openAttachment(a, into),
    };
    const greeting = this.view.log.querySelector('.sb-greeting');
    this.csat.place(this.view.log, () =>
      this.view.log.replaceChildren(
        ...(greeting ? [greeting] : []),
        ...this.messages.map((m) => renderMessage(m, deps)),
      ),
    );
    this.view.log.scrollTop = this.view.log.scrollHeight;
  }

  private showError(error: unknown): void {
    if (error instanceof WidgetApiError && error.code === 'RATE_LIMITED')
      this.setError(this.texts.rateLimited(error.retryAfterSeconds ?? 60));
    else if (error instanceof WidgetApiError)
      this.setError(error.status >= 500 ? this.texts.unavailable : error.message);
    else this.setError(this.texts.unavailable);
  }

  private showSocketError(error: WidgetSocketErrorDto): void {
    this.setError(
      error.code === 'RATE_LIMITED'
        ? this.texts.rateLimited(error.retryAfterSeconds ?? 10)
        : error.message,
    );
  }

  private setError(message: string): void {
    this.view.error.textContent = message;
  }
}
