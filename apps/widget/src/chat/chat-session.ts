import type { ChatController, ChatMountOptions } from '../shared/chat-mount';
import type {
  VisitorAttachmentDto,
  VisitorContactDto,
  WidgetSocketErrorDto,
  WidgetSettingsDto,
} from '../shared/widget-wire';
import { ArticleHelp } from './articles/article-help';
import { availabilityText } from './availability-note';
import { buildChatView, type ChatView } from './chat-view';
import { CHAT_CSS } from './chat-styles';
import { CHAT_PARTS_CSS } from './chat-parts-styles';
import { newId, pageUrl, referrerUrl } from './client-ids';
import { showAttachment } from './attachment-opener';
import { CsatSurveys } from './csat-surveys';
import { displayText } from './display-text';
import { emailNote, emailState } from './email-note';
import { apiErrorText, socketErrorText } from './error-text';
import { chatTexts, type ChatTexts } from './i18n';
import { textDirection } from '../shared/widget-locale';
import { buildFilePreview, type FilePreview } from './file-preview';
import { openLiveSocket, type WidgetSocket } from './live-socket';
import { markReadUntil, mergeMessage, type ChatMessage } from './message-list';
import { renderMessage, setProgress } from './message-view';
import { buildPreChatForm, type PreChatAnswers } from './prechat-form';
import { pendingMessage } from './pending-message';
import { PortalLink } from './portal-link';
import { StickyScroll } from './sticky-scroll';
import { TypingSignal } from './typing-signal';
import { TokenStore } from './token-store';
import { WidgetApi, WidgetApiError, type MessageOrigin } from './widget-api';

const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf';

/** One visitor's chat: session, history, live socket and the panel, wired together. */
export class ChatSession implements ChatController {
  private readonly texts: ChatTexts;
  private readonly api: WidgetApi;
  private readonly store: TokenStore;
  private readonly view: ChatView;
  private readonly csat: CsatSurveys;
  private readonly portal: PortalLink;
  private messages: ChatMessage[] = [];
  private settings: WidgetSettingsDto | null = null;
  private socket: WidgetSocket | null = null;
  private open = false;
  private acked = { delivered: new Set<string>(), read: new Set<string>() };
  private readonly typing = new TypingSignal((typing) => this.socket?.emit('typing', { typing }));
  private remoteTypingTimer: ReturnType<typeof setTimeout> | undefined;
  private ready: Promise<void>;
  private started = false;
  private readonly sticky: StickyScroll;
  private readonly preview: FilePreview;
  /** Answers to the pre-chat form; sent with the first message, then forgotten. */
  private preChatAnswers: PreChatAnswers | null = null;
  private shownCount = 0;

  constructor(private readonly options: ChatMountOptions) {
    this.texts = chatTexts(options.locale);
    this.api = new WidgetApi(options.apiBase, options.inboxId);
    this.store = new TokenStore(options.inboxId);
    this.csat = new CsatSurveys(this.api, this.texts, () => this.render());
    const style = document.createElement('style');
    style.textContent = CHAT_CSS + CHAT_PARTS_CSS;
    options.styleRoot.appendChild(style);
    this.view = buildChatView(this.texts, ACCEPT);
    this.portal = new PortalLink(this.api, this.texts, this.view, (e) => this.showError(e));
    // Arabic mirrors the whole panel; CHAT_CSS uses logical properties so it follows `dir`.
    this.view.root.lang = options.locale;
    this.view.root.dir = textDirection(options.locale);
    options.root.appendChild(this.view.root);
    this.sticky = new StickyScroll(this.view.log);
    this.preview = buildFilePreview(
      this.texts,
      () => this.settings?.maxTextLength ?? 10_000,
      (file, caption) => this.deliver(newId(), caption, file),
    );
    this.view.preview.appendChild(this.preview.root);
    this.bindView();
    new ArticleHelp(this.api, this.texts, options.locale, options.apiBase, this.view);
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
      // The first pre-chat question while they are asked, else the message box.
      const first = this.view.preChat.hidden ? null : this.view.preChat.querySelector('input');
      (first ?? this.view.textarea).focus();
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
    this.askPreChat(session.identified);
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
    const availability = availabilityText(settings.availability, this.texts, this.options.locale);
    this.view.availability.textContent = availability;
    this.view.availability.hidden = availability === '';
    this.showEmail(settings.askEmail, contact);
  }

  /** The follow-up address: waiting for its confirmation link, or confirmed. */
  private showEmail(ask: boolean, contact: VisitorContactDto): void {
    this.view.emailForm.hidden = !ask;
    this.view.emailForm.dataset['state'] = emailState(contact);
    this.view.emailLabel.textContent = emailNote(this.texts, contact);
    this.portal.show(contact);
    const shown = contact.pendingEmail ?? contact.email;
    if (shown) this.view.emailInput.value = shown;
  }

  /**
   * The inbox's pre-chat questions, before a first message only (an identified visitor is known to
   * the site already). The composer waits until they are answered.
   */
  private askPreChat(identified: boolean): void {
    const fields = this.settings?.preChatFields ?? [];
    if (identified || fields.length === 0 || this.messages.length > 0) return;
    const form = buildPreChatForm(fields, this.texts, (answers) => {
      this.preChatAnswers = answers;
      this.view.preChat.hidden = true;
      this.view.composer.hidden = false;
      this.view.emailForm.hidden = !this.settings?.askEmail;
      this.view.textarea.focus();
    });
    this.view.preChat.replaceChildren(form);
    this.view.preChat.hidden = false;
    this.view.composer.hidden = true;
    this.view.emailForm.hidden = true;
    // Never steal focus from the page while the panel is closed (a returning visitor loads early).
    if (this.open) form.querySelector('input')?.focus();
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
    const { apiBase, inboxId } = this.options;
    this.socket = openLiveSocket(apiBase, inboxId, visitorToken, {
      connected: (again) => {
        this.view.typing.textContent = '';
        if (again) void this.loadHistory().catch(() => undefined);
        else this.acknowledge();
      },
      disconnected: () => (this.view.typing.textContent = this.texts.offline),
      message: (message) => {
        this.messages = mergeMessage(this.messages, message);
        this.render();
        this.csat.messageArrived(message);
        this.acknowledge();
      },
      read: (until) => {
        this.messages = markReadUntil(this.messages, until);
        this.render();
      },
      contact: (contact) => this.showEmail(this.settings?.askEmail ?? true, contact),
      error: (error) => this.showSocketError(error),
      typing: (typing, name) => {
        clearTimeout(this.remoteTypingTimer);
        this.view.typing.textContent = typing ? this.texts.typing(name && displayText(name)) : '';
        if (typing)
          this.remoteTypingTimer = setTimeout(() => (this.view.typing.textContent = ''), 8000);
      },
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
    textarea.addEventListener('input', () => this.typing.input());
    fileInput.addEventListener('change', () => {
      const file = fileInput.files?.[0];
      fileInput.value = '';
      if (file) this.previewFile(file);
    });
    emailForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.saveEmail();
    });
    document.addEventListener('visibilitychange', () => this.acknowledge());
  }

  private sendText(): void {
    const text = this.view.textarea.value;
    const max = this.settings?.maxTextLength ?? 10_000;
    if (text.trim().length === 0) return;
    if (text.length > max) return this.setError(this.texts.tooLong(max));
    this.view.textarea.value = '';
    this.typing.stop();
    this.deliver(newId(), text, null);
  }

  /** A chosen file waits in the preview for a caption (or a cancel) before it is sent. */
  private previewFile(file: File): void {
    const settings = this.settings;
    if (settings && !settings.attachmentTypes.includes(file.type))
      return this.setError(this.texts.fileType);
    if (settings && file.size > settings.maxAttachmentBytes) {
      return this.setError(
        this.texts.fileTooLarge(Math.round(settings.maxAttachmentBytes / 1024 / 1024)),
      );
    }
    this.setError('');
    this.preview.show(file);
  }

  /** Optimistic send; a failure stays visible and retries with the same client id (stored once). */
  private deliver(clientMessageId: string, text: string, file: File | null): void {
    this.setError('');
    const { message: pending, localImageUrl } = pendingMessage(clientMessageId, text, file);
    this.messages = mergeMessage(this.messages, pending);
    this.render();
    const onProgress = (fraction: number) => {
      const item = this.view.log.querySelector(`[data-message-id="local-${clientMessageId}"]`);
      if (item) setProgress(item, fraction, this.texts);
    };
    const request = this.ensureStarted().then(() => {
      const origin: MessageOrigin = {
        pageUrl: pageUrl(),
        referrer: referrerUrl(),
        prechat: this.preChatAnswers,
      };
      return file
        ? this.api.sendFile(clientMessageId, file, text, origin, onProgress)
        : this.api.sendText(clientMessageId, text, origin);
    });
    request.then(
      (stored) => {
        if (localImageUrl) URL.revokeObjectURL(localImageUrl);
        this.preChatAnswers = null;
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
    // A new message is always shown whole; a status change leaves the visitor's scroll alone.
    if (this.messages.length > this.shownCount) this.sticky.toNewest();
    this.shownCount = this.messages.length;
  }

  private showError(error: unknown): void {
    this.setError(apiErrorText(error, this.texts));
  }

  private showSocketError(error: WidgetSocketErrorDto): void {
    this.setError(socketErrorText(error, this.texts));
  }

  private setError(message: string): void {
    this.view.error.textContent = message;
  }
}
