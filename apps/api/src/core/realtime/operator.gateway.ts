import { BeforeApplicationShutdown, Logger, OnApplicationShutdown } from '@nestjs/common';
import {
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  ConnectedSocket,
  MessageBody,
} from '@nestjs/websockets';
import {
  OPERATOR_NAMESPACE,
  PRESENCE_STATUSES,
  VIEWER_ACTIVITIES,
  type OperatorHandshakeAuth,
  type StreamEvent,
  type TypingSignal,
} from '@switchboard/contracts';
import type { Namespace } from 'socket.io';
import { z } from 'zod';
import { OperatorsRepository } from '../../modules/operators/operators.repository';
import { AuthService } from '../auth/auth.service';
import { SessionSockets } from '../auth/session-sockets';
import { EventLogService } from '../events/event-log.service';
import { EventStreamService, type Signal } from '../events/event-stream.service';
import { OperatorSocketState, type Accepted } from './operator-socket-state';
import { ConversationAccountCheck } from './conversation-account-check';
import { StreamAccessFilter } from './stream-access-filter';
import { OperatorStreamEmitter, type BatchAccess } from './operator-stream-emitter';
import { OperatorTypingHook } from './operator-typing-hook';
import type { ViewingSignal } from './conversation-viewers';
import type { OperatorSocket } from './operator-socket';
import { ViewersRelay } from './viewers-relay';
import { handshakeCursorProblem } from './handshake-cursor';
import { OperatorConnectionsService } from '../../modules/routing/operator-connections.service';
import { retryWhileDatabaseAway } from './retry-while-database-away';

const handshakeSchema = z.object({
  // A bearer token, or (browsers) the session cookie plus the session's CSRF token.
  token: z.string().min(1).max(200).optional(),
  csrfToken: z.string().max(200).optional(),
  cursor: z.coerce.number().int().min(0).optional(),
});
const typingSchema = z.object({ conversationId: z.string().uuid(), typing: z.boolean() });
const presenceSchema = z.object({ status: z.enum(PRESENCE_STATUSES) });
const viewingSchema = z.object({
  conversationId: z.string().uuid().nullable(),
  activity: z.enum(VIEWER_ACTIVITIES).default('viewing'),
});
/** How often tabs whose heartbeats stopped are looked for (their TTL is VIEWING_TTL_MS). */
const VIEWERS_SWEEP_MS = 5_000;
const CATCH_UP_PAGE = 500;
/** Events of concurrent commits can arrive slightly out of order: wait this long before reading the log. */
const GAP_GRACE_MS = 25;
/** How often the log's head is compared with each socket, for events no instance announced. */
const HEAD_CHECK_MS = 1_000;

/**
 * The operators' live stream. On connect, an operator gets every event after the cursor they
 * send, then live events, in cursor order, each exactly once; only their own account's events.
 */
@WebSocketGateway({ namespace: OPERATOR_NAMESPACE, cors: { origin: true, credentials: true } })
export class OperatorGateway
  implements
    OnGatewayInit,
    OnGatewayConnection,
    OnGatewayDisconnect,
    BeforeApplicationShutdown,
    OnApplicationShutdown
{
  private readonly logger = new Logger(OperatorGateway.name);
  @WebSocketServer() private nsp!: Namespace;
  private readonly byAccount = new Map<string, Set<OperatorSocket>>();
  private headCheck: NodeJS.Timeout | null = null;
  private readonly viewers: ViewersRelay;
  private readonly emitter: OperatorStreamEmitter;
  private viewersSweep: NodeJS.Timeout | null = null;

  constructor(
    private readonly auth: AuthService,
    private readonly log: EventLogService,
    private readonly stream: EventStreamService,
    private readonly operators: OperatorsRepository,
    private readonly conversationAccess: ConversationAccountCheck,
    private readonly sessionSockets: SessionSockets,
    private readonly streamAccess: StreamAccessFilter,
    private readonly typingHook: OperatorTypingHook,
    private readonly connections: OperatorConnectionsService,
  ) {
    this.viewers = new ViewersRelay((id) => this.byAccount.get(id) ?? [], conversationAccess);
    this.emitter = new OperatorStreamEmitter(() => this.nsp, streamAccess);
  }

  afterInit(nsp: Namespace): void {
    nsp.use((socket, next) => {
      const badCursor = handshakeCursorProblem(socket.handshake.auth);
      if (badCursor) return next(new Error(badCursor));
      const parsed = handshakeSchema.safeParse(
        socket.handshake.auth as Partial<OperatorHandshakeAuth>,
      );
      if (!parsed.success) return next(new Error('unauthorized: a session token is required'));
      this.auth
        .authenticateHandshake(parsed.data, socket.handshake.headers.cookie)
        .then((session) => {
          if (!session) return next(new Error('unauthorized: session expired or invalid'));
          socket.data.operator = session.operator;
          socket.data.session = session;
          socket.data.state = new OperatorSocketState(parsed.data.cursor ?? -1);
          next();
        })
        .catch((err: Error) => next(err));
    });
    this.stream.onEvents((accountId, events) => this.deliver(accountId, events));
    this.stream.onSignal((signal) => this.relaySignal(signal));
    this.stream.onResync(() => this.resyncAll());
    this.headCheck = setInterval(
      () => void this.checkHeads().catch(() => undefined),
      HEAD_CHECK_MS,
    );
    this.headCheck.unref();
    this.viewersSweep = setInterval(() => this.viewers.sweep(), VIEWERS_SWEEP_MS);
    this.viewersSweep.unref();
  }

  async handleConnection(socket: OperatorSocket): Promise<void> {
    const { operator, state } = socket.data;
    if (!operator) return;
    let set = this.byAccount.get(operator.accountId);
    if (!set) this.byAccount.set(operator.accountId, (set = new Set()));
    // Registered before reading the log: anything committed from now on is either in the catch-up
    // read or arrives live into the buffer (duplicates are dropped by cursor).
    set.add(socket);
    this.connections.opened(operator);
    socket.data.untrackSession = this.sessionSockets.track(socket.data.session, (reason) => {
      socket.emit('error', { code: 'UNAUTHENTICATED', message: reason });
      socket.disconnect(true);
    });
    try {
      const { head, oldest } = await this.log.bounds(operator.accountId);
      if (state.cursor < 0) {
        state.cursor = head;
      } else if (state.cursor > head) {
        socket.emit('stream.reset', { cursor: head, reason: 'cursor_ahead' });
        state.cursor = head;
      } else if (state.cursor < head && (oldest === null || state.cursor < oldest - 1)) {
        socket.emit('stream.reset', { cursor: head, reason: 'cursor_expired' });
        state.cursor = head;
      }
      await this.catchUp(socket);
      // After every event the catch-up queued, so the client's cursor never skips one.
      await this.emitter.enqueue(socket, () => {
        socket.emit('stream.ready', { cursor: state.cursor });
      });
    } catch (err) {
      this.logger.error(`Catch-up failed for ${operator.id}: ${(err as Error).message}`);
      socket.disconnect(true);
    }
  }

  handleDisconnect(socket: OperatorSocket): void {
    const operator = socket.data.operator;
    if (!operator) return;
    socket.data.untrackSession?.();
    this.byAccount.get(operator.accountId)?.delete(socket);
    this.connections.closed(operator);
    // A closed tab leaves at once, on every instance; the TTL is only for tabs that vanish silently.
    if (socket.data.viewing)
      void this.publishViewing(socket, socket.data.viewing, null).catch(() => undefined);
  }

  @SubscribeMessage('typing')
  async onTyping(
    @ConnectedSocket() socket: OperatorSocket,
    @MessageBody() body: unknown,
  ): Promise<void> {
    const parsed = typingSchema.safeParse(body);
    if (!parsed.success) return this.reject(socket, 'typing', parsed.error.issues[0]?.message);
    const op = socket.data.operator;
    // The id is the client's word: another account's conversation is never announced anywhere.
    if (!(await this.conversationAccess.belongsTo(op, parsed.data.conversationId))) {
      socket.emit('error', { code: 'NOT_FOUND', message: 'typing: conversation not found' });
      return;
    }
    const signal: TypingSignal = {
      conversationId: parsed.data.conversationId,
      typing: parsed.data.typing,
      actor: { type: 'operator', id: op.id, name: op.name },
    };
    await this.stream.publishSignal({ accountId: op.accountId, kind: 'typing', data: signal });
    this.typingHook.emit({
      accountId: op.accountId,
      conversationId: signal.conversationId,
      operatorId: op.id,
      typing: signal.typing,
    });
  }

  @SubscribeMessage('presence.set')
  async onPresence(
    @ConnectedSocket() socket: OperatorSocket,
    @MessageBody() body: unknown,
  ): Promise<void> {
    const parsed = presenceSchema.safeParse(body);
    if (!parsed.success)
      return this.reject(socket, 'presence.set', parsed.error.issues[0]?.message);
    const op = socket.data.operator;
    await this.operators.setPresence(op.id, parsed.data.status);
    await this.stream.publishSignal({
      accountId: op.accountId,
      kind: 'presence',
      data: { operatorId: op.id, status: parsed.data.status },
    });
  }

  @SubscribeMessage('viewing')
  async onViewing(
    @ConnectedSocket() socket: OperatorSocket,
    @MessageBody() body: unknown,
  ): Promise<void> {
    const parsed = viewingSchema.safeParse(body);
    if (!parsed.success) return this.reject(socket, 'viewing', parsed.error.issues[0]?.message);
    const { conversationId, activity } = parsed.data;
    const op = socket.data.operator;
    if (conversationId && !(await this.conversationAccess.belongsTo(op, conversationId))) {
      socket.emit('error', { code: 'NOT_FOUND', message: 'viewing: conversation not found' });
      return;
    }
    const previous = socket.data.viewing;
    socket.data.viewing = conversationId ?? undefined;
    if (previous && previous !== conversationId) await this.publishViewing(socket, previous, null);
    if (!conversationId) return;
    await this.publishViewing(socket, conversationId, activity);
    // A newcomer learns who was already there without waiting for the next change.
    socket.emit('viewers', {
      conversationId,
      viewers: this.viewers.list(op.accountId, conversationId),
    });
  }

  private async publishViewing(
    socket: OperatorSocket,
    conversationId: string,
    activity: ViewingSignal['activity'],
  ): Promise<void> {
    const op = socket.data.operator;
    const data: ViewingSignal = {
      conversationId,
      socketId: socket.id,
      operatorId: op.id,
      name: op.name,
      activity,
    };
    await this.stream.publishSignal({ accountId: op.accountId, kind: 'viewing', data });
  }

  /** Broadcast an ephemeral typing signal from elsewhere (e.g. a visitor typing in the widget). */
  async publishTyping(accountId: string, signal: TypingSignal): Promise<void> {
    await this.stream.publishSignal({ accountId, kind: 'typing', data: signal });
  }

  private reject(socket: OperatorSocket, event: string, reason = 'invalid payload'): void {
    // The connection stays usable: a bad payload is answered, not punished.
    socket.emit('error', { code: 'VALIDATION_FAILED', message: `${event}: ${reason}` });
  }

  private deliver(accountId: string, events: StreamEvent[]): void {
    const sockets = this.byAccount.get(accountId);
    if (!sockets?.size) return;
    // One access read for every socket of the account, not one per socket (500 agents: 500 reads).
    const access = this.streamAccess.forBatch(
      accountId,
      [...sockets].map((s) => s.data.operator),
      events,
    );
    access.catch(() => undefined); // the emissions report a failure themselves
    // Sockets that take the whole batch (the usual case) share one encoding of it.
    const whole: OperatorSocket[] = [];
    for (const socket of sockets) {
      const state = socket.data.state;
      if (state.catchingUp) {
        state.hold(events);
        continue;
      }
      const accepted = state.accept(events);
      if (!accepted.gap && accepted.emit.length === events.length) whole.push(socket);
      else this.accepted(socket, events, accepted, access);
    }
    if (whole.length === 0) return;
    const inOrder = [...events].sort((a, b) => a.cursor - b.cursor);
    this.emitter.emitToAll(whole, inOrder, access).catch((err: Error) => {
      this.logger.error(`Stream delivery failed: ${err.message}`);
      for (const socket of whole) socket.disconnect(true);
    });
  }

  /** Emits what `accept` let through; a gap holds the batch and fills it from the log. */
  private accepted(
    socket: OperatorSocket,
    events: StreamEvent[],
    { emit, gap }: Accepted,
    access?: BatchAccess,
  ): void {
    this.emitter.emit(socket, emit, access).catch((err: Error) => {
      this.logger.error(`Stream delivery failed: ${err.message}`);
      socket.disconnect(true);
    });
    if (gap) {
      const state = socket.data.state;
      state.catchingUp = true;
      state.hold(events);
      setTimeout(() => this.fillFromLog(socket), GAP_GRACE_MS);
    }
  }

  /** Emits everything after the socket's cursor from the log, then whatever arrived meanwhile. */
  private async catchUp(socket: OperatorSocket): Promise<void> {
    const state = socket.data.state;
    state.catchingUp = true;
    for (;;) {
      const page = await this.log.after(
        socket.data.operator.accountId,
        state.cursor,
        CATCH_UP_PAGE,
      );
      const { emit } = state.accept(page);
      await this.emitter.emit(socket, emit);
      if (page.length < CATCH_UP_PAGE) break;
    }
    state.catchingUp = false;
    const held = state.drain();
    // Not catching up any more: what arrived meanwhile goes through like a live batch.
    if (held.length) this.accepted(socket, held, state.accept(held));
  }

  /** catchUp, tried again while the database is away: live events wait, the socket stays open. */
  private fillFromLog(socket: OperatorSocket): void {
    retryWhileDatabaseAway(() => this.catchUp(socket), {
      what: 'Gap fill',
      logger: this.logger,
      wanted: () => socket.connected,
      giveUp: () => socket.disconnect(true),
    });
  }

  /** A writer that died between commit and NOTIFY leaves no notice: compare heads now and then. */
  private async checkHeads(): Promise<void> {
    for (const [accountId, sockets] of this.byAccount) {
      if (sockets.size === 0) continue;
      const { head } = await this.log.bounds(accountId);
      for (const socket of sockets) {
        const state = socket.data.state;
        if (!state.catchingUp && state.cursor < head) this.fillFromLog(socket);
      }
    }
  }

  private resyncAll(): void {
    for (const set of this.byAccount.values()) {
      for (const socket of set) if (!socket.data.state.catchingUp) this.fillFromLog(socket);
    }
  }

  private relaySignal(signal: Signal): void {
    if (signal.kind === 'viewing') {
      this.viewers.apply(signal.accountId, signal.data as ViewingSignal);
      return;
    }
    const sockets = this.byAccount.get(signal.accountId);
    if (!sockets) return;
    for (const socket of sockets) {
      if (signal.kind === 'typing') {
        const typing = signal.data as TypingSignal;
        if (typing.actor.type === 'operator' && typing.actor.id === socket.data.operator.id)
          continue;
        // Nobody learns who types in a conversation they may not see.
        void this.conversationAccess
          .belongsTo(socket.data.operator, typing.conversationId)
          .then((ok) => ok && socket.emit('typing', typing))
          .catch(() => undefined);
      } else if (signal.kind === 'presence') {
        socket.emit('presence', signal.data as { operatorId: string; status: 'online' | 'away' });
      }
    }
  }

  /** Before the HTTP server closes: clients get a clean "server disconnect" and reconnect elsewhere. */
  beforeApplicationShutdown(): void {
    if (this.headCheck) clearInterval(this.headCheck);
    if (this.viewersSweep) clearInterval(this.viewersSweep);
    this.nsp?.disconnectSockets(true);
  }

  onApplicationShutdown(): void {
    if (this.headCheck) clearInterval(this.headCheck);
    if (this.viewersSweep) clearInterval(this.viewersSweep);
  }
}
