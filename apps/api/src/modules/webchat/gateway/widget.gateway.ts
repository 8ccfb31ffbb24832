import { Inject, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { StreamEvent, TypingSignal } from '@switchboard/contracts';
import type { Namespace, Socket } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config';
import { EventStreamService, type Signal } from '../../../core/events/event-stream.service';
import { AppException } from '../../../core/http/app.exception';
import { OperatorGateway } from '../../../core/realtime/operator.gateway';
import {
  receiptPayloadSchema,
  typingPayloadSchema,
  widgetHandshakeSchema,
} from '../dto/widget-requests';
import {
  WIDGET_NAMESPACE,
  type WidgetClientToServerEvents,
  type WidgetServerToClientEvents,
  type WidgetSocketErrorDto,
} from '../dto/widget-wire.dto';
import { callerNetwork, forwardedClientIp, type TrustProxy } from '../services/caller-network';
import {
  FollowUpAddressService,
  WEBCHAT_CONTACT_SIGNAL,
  type WebchatContactSignal,
} from '../services/follow-up-address.service';
import { VisitorAuthService, type VisitorPrincipal } from '../services/visitor-auth.service';
import { VisitorHistoryService } from '../services/visitor-history.service';
import { VisitorMessagesService } from '../services/visitor-messages.service';
import { VisitorPresenceService } from '../services/visitor-presence.service';
import { WidgetRateLimitedException } from '../services/widget-rate-limited.exception';
import {
  WEBCHAT_DELIVER_SIGNAL,
  type WebchatDeliverSignal,
} from '../services/webchat-visitor.transport';
import { ConversationRooms } from './conversation-rooms';
import { SocketEventBudget } from './socket-event-budget';

type WidgetSocket = Socket<
  WidgetClientToServerEvents,
  WidgetServerToClientEvents,
  Record<string, never>,
  { principal: VisitorPrincipal; budget: SocketEventBudget; warned?: boolean }
>;

const SOCKET_EVENTS = 30;
const SOCKET_EVENTS_WINDOW_MS = 10_000;
/** A refused socket may try again after this long (slots free as other widgets close). */
const SOCKET_RETRY_SECONDS = 30;

/** A handshake refusal: socket.io hands `message` and `data` to the client's connect_error. */
function refusal(code: string, message: string, retryAfterSeconds?: number): Error {
  const data: WidgetSocketErrorDto = { code, message, retryAfterSeconds };
  return Object.assign(new Error(`${code}: ${message}`), { data });
}

export function visitorRoom(inboxId: string, visitorKey: string): string {
  return `visitor:${inboxId}:${visitorKey}`;
}

/**
 * The widget's live channel: operator replies, operator typing and read ticks in; visitor typing
 * and receipts out. Cross-instance fan-out rides on the core's PostgreSQL signals, so a reply
 * reaches the visitor whichever instance their socket landed on.
 */
@WebSocketGateway({ namespace: WIDGET_NAMESPACE })
export class WidgetGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(WidgetGateway.name);
  @WebSocketServer() private nsp!: Namespace;

  constructor(
    private readonly auth: VisitorAuthService,
    private readonly presence: VisitorPresenceService,
    private readonly history: VisitorHistoryService,
    private readonly messages: VisitorMessagesService,
    private readonly stream: EventStreamService,
    private readonly operators: OperatorGateway,
    private readonly rooms: ConversationRooms,
    private readonly followUp: FollowUpAddressService,
    private readonly http: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(nsp: Namespace): void {
    nsp.use((socket, next) => {
      const parsed = widgetHandshakeSchema.safeParse(socket.handshake.auth);
      if (!parsed.success)
        return next(refusal('VALIDATION_FAILED', 'inboxId (a UUID) and visitorToken are required'));
      const { inboxId, visitorToken } = parsed.data;
      this.admit(socket as WidgetSocket, inboxId, visitorToken).then(
        () => next(),
        (err: unknown) => {
          if (err instanceof WidgetRateLimitedException)
            return next(refusal(err.code, err.message, err.retryAfterSeconds));
          if (err instanceof AppException) return next(refusal(err.code, err.message));
          this.logger.warn(`Widget handshake failed: ${(err as Error).message}`);
          next(refusal('INTERNAL', 'Try again later'));
        },
      );
    });
    this.stream.onSignal((signal) => this.relaySignal(signal));
    this.stream.onEvents((_accountId, events) => this.relayEvents(events));
  }

  /** Token and origin first, then a slot within the visitor's and the network's socket limits. */
  private async admit(socket: WidgetSocket, inboxId: string, visitorToken: string): Promise<void> {
    const principal = await this.auth.visitor(
      inboxId,
      { headers: socket.handshake.headers, secure: socket.handshake.secure },
      visitorToken,
    );
    const network = callerNetwork(
      forwardedClientIp(
        socket.request.socket.remoteAddress,
        socket.handshake.headers['x-forwarded-for'],
        this.trustProxy(),
      ),
    );
    const claimed = await this.presence.claim(
      socket.id,
      { inboxId, visitorKey: principal.visitorKey, network },
      {
        perVisitor: this.config.WIDGET_SOCKETS_PER_VISITOR,
        perNetwork: this.config.WIDGET_SOCKETS_PER_IP,
      },
    );
    if (claimed !== 'ok') {
      throw new WidgetRateLimitedException(
        claimed === 'visitor'
          ? `Too many open chat windows: at most ${this.config.WIDGET_SOCKETS_PER_VISITOR}.`
          : `Too many open chats from this network: at most ${this.config.WIDGET_SOCKETS_PER_IP}.`,
        SOCKET_RETRY_SECONDS,
      );
    }
    socket.data.principal = principal;
    // Typing and receipts together: plenty for a person, too few to flood the database.
    socket.data.budget = new SocketEventBudget(SOCKET_EVENTS, SOCKET_EVENTS_WINDOW_MS);
  }

  /** Express's compiled `trust proxy` setting, so sockets see the same client address as REST. */
  private trustProxy(): TrustProxy {
    const app = this.http.httpAdapter?.getInstance<{ get(name: string): unknown }>();
    const trust = app?.get('trust proxy fn');
    return typeof trust === 'function' ? (trust as TrustProxy) : () => false;
  }

  async handleConnection(socket: WidgetSocket): Promise<void> {
    const p = socket.data.principal;
    if (!p) return;
    await socket.join(visitorRoom(p.inbox.id, p.visitorKey));
  }

  async handleDisconnect(socket: WidgetSocket): Promise<void> {
    await this.presence.disconnected(socket.id).catch(() => undefined);
  }

  /** Takes one event from the socket's budget; the first refused event in a row is answered. */
  private allow(socket: WidgetSocket): boolean {
    if (socket.data.budget.take()) {
      socket.data.warned = false;
      return true;
    }
    if (!socket.data.warned) {
      socket.data.warned = true;
      socket.emit('error', {
        code: 'RATE_LIMITED',
        message: 'Too many typing signals and receipts; some were ignored',
        retryAfterSeconds: Math.ceil(SOCKET_EVENTS_WINDOW_MS / 1000),
      });
    }
    return false;
  }

  @SubscribeMessage('typing')
  async onTyping(
    @ConnectedSocket() socket: WidgetSocket,
    @MessageBody() body: unknown,
  ): Promise<void> {
    const parsed = typingPayloadSchema.safeParse(body);
    const p = socket.data.principal;
    if (!parsed.success || !p || !this.allow(socket)) return;
    const conv = await this.history.latestConversation(p.inbox.id, p.visitorKey);
    // Before the first message there is no conversation for operators to see typing in.
    if (!conv) return;
    const signal: TypingSignal = {
      conversationId: conv.id,
      actor: { type: 'contact', id: conv.contactId, name: conv.name },
      typing: parsed.data.typing,
    };
    await this.operators.publishTyping(conv.accountId, signal);
  }

  @SubscribeMessage('receipt')
  async onReceipt(
    @ConnectedSocket() socket: WidgetSocket,
    @MessageBody() body: unknown,
  ): Promise<void> {
    const parsed = receiptPayloadSchema.safeParse(body);
    const p = socket.data.principal;
    if (!parsed.success || !p || !this.allow(socket)) return;
    await this.messages
      .receipt(p, parsed.data.status, parsed.data.messageIds)
      .catch((err: Error) => {
        this.logger.warn(`Receipt failed: ${err.message}`);
      });
  }

  private relaySignal(signal: Signal): void {
    if (signal.kind === WEBCHAT_CONTACT_SIGNAL) {
      const data = signal.data as WebchatContactSignal;
      void this.pushContact(data.inboxId, data.visitorKey);
    } else if (signal.kind === WEBCHAT_DELIVER_SIGNAL) {
      const data = signal.data as WebchatDeliverSignal;
      void this.pushMessage(data.inboxId, data.visitorKey, data.messageId);
    } else if (signal.kind === 'typing') {
      const typing = signal.data as TypingSignal;
      if (typing.actor.type !== 'operator') return;
      void this.roomOf(typing.conversationId).then((room) => {
        if (room)
          this.nsp.to(room).emit('typing', { typing: typing.typing, name: typing.actor.name });
      });
    }
  }

  private relayEvents(events: StreamEvent[]): void {
    for (const event of events) {
      if (event.type === 'message.created') {
        const { message } = event.payload;
        // The visitor's own message shows up in their other tabs too.
        if (
          message.channel === 'webchat' &&
          message.direction === 'incoming' &&
          message.kind === 'message'
        ) {
          void this.roomOf(message.conversationId).then((room) => {
            if (!room) return;
            const [, inboxId, ...key] = room.split(':');
            return this.pushMessage(inboxId, key.join(':'), message.id);
          });
        }
      }
      // Replying or opening the conversation clears its unread count: the visitor's messages are read.
      const conversation = 'conversation' in event.payload ? event.payload.conversation : null;
      if (
        conversation?.channel === 'webchat' &&
        conversation.unreadCount === 0 &&
        event.type !== 'notification.created'
      ) {
        void this.roomOf(conversation.id).then((room) => {
          if (room) this.nsp.to(room).emit('read', { until: event.at });
        });
      }
    }
  }

  private async pushMessage(inboxId: string, visitorKey: string, messageId: string): Promise<void> {
    const room = visitorRoom(inboxId, visitorKey);
    if (!this.nsp.adapter.rooms.has(room)) return;
    const message = await this.history.message(inboxId, visitorKey, messageId).catch(() => null);
    if (message) this.nsp.to(room).emit('message', message);
  }

  /** The visitor's follow-up address changed: every open widget of theirs shows the new state. */
  private async pushContact(inboxId: string, visitorKey: string): Promise<void> {
    const room = visitorRoom(inboxId, visitorKey);
    if (!this.nsp.adapter.rooms.has(room)) return;
    const contact = await this.followUp.state(inboxId, visitorKey).catch(() => null);
    if (contact) this.nsp.to(room).emit('contact', contact);
  }

  /** The visitor room of a web chat conversation, if a widget for it is open on this instance. */
  private async roomOf(conversationId: string): Promise<string | null> {
    if (this.nsp.adapter.rooms.size === 0) return null;
    const visitor = await this.rooms.visitorOf(conversationId);
    if (!visitor) return null;
    const room = visitorRoom(visitor.inboxId, visitor.visitorKey);
    return this.nsp.adapter.rooms.has(room) ? room : null;
  }
}
