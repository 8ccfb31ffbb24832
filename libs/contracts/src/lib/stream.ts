import type { ConversationSummaryDto, IsoDateTime, MessageDto, NotificationDto } from './dtos';
import type { TeamMemberDto } from './people';
import type { PresenceStatus } from './enums';
import type { ConversationViewersSignal, ViewingRequest } from './collision';

/**
 * The conversation stream: every durable change in an account is one event with a per-account,
 * strictly increasing, gap-free cursor. Clients resume by sending the last cursor they applied.
 */
export interface StreamEventPayloads {
  'conversation.created': { conversation: ConversationSummaryDto };
  'conversation.updated': { conversation: ConversationSummaryDto };
  /**
   * The conversation was deleted with its inbox's history: clients drop it. Every earlier event
   * of a deleted conversation is rewritten into this one, so a replay brings no content back.
   */
  'conversation.deleted': { conversationId: string };
  'message.created': { message: MessageDto; conversation: ConversationSummaryDto };
  'message.updated': { message: MessageDto };
  /**
   * A reply in its author's Undo window (`message.undoUntil`): operators show it as "Sending…";
   * no channel, durable consumer or webhook sees it. `message.created` follows when it leaves,
   * or `message.unsent` when its author undoes it.
   */
  'message.sending': { message: MessageDto };
  /** Its author undid a reply before it left: clients drop it from the timeline. */
  'message.unsent': { messageId: string; conversationId: string };
  'notification.created': { notification: NotificationDto; conversation: ConversationSummaryDto };
  /** Notifications of one operator were read (`all`: every one before `at`), in some tab. */
  'notifications.read': { operatorId: string; ids: string[]; all: boolean };
  /** Someone joined, changed profile, role, availability, or was (re)activated. */
  'operator.updated': { operator: TeamMemberDto };
  /** Who may work which inbox changed (teams, inbox access): clients reload what they show. */
  'access.changed': Record<string, never>;
  /**
   * Messages moved into or out of this conversation (merge, split): a client drops `movedOut`
   * from the open timeline and reloads it when `movedIn` is not empty, so none shows twice.
   */
  'conversation.messages_moved': {
    conversation: ConversationSummaryDto;
    movedIn: string[];
    movedOut: string[];
  };
  /**
   * A task changed (created, edited, done, linked): one event per linked conversation, so the
   * stream's inbox filter applies. Only the id: clients re-read the task under their own access.
   */
  'task.changed': { taskId: string; conversationId: string };
  /**
   * An SLA target reached its warning or was breached (once each; rules trigger on these), or was
   * met: completed on time by a reply (`completedAt`, `repliedBy`) or, for resolution, a close.
   */
  'conversation.sla': {
    conversation: ConversationSummaryDto;
    target: 'first_response' | 'next_response' | 'resolution';
    state: 'warning' | 'breached' | 'met';
    dueAt: IsoDateTime;
    completedAt?: IsoDateTime;
    repliedBy?: string | null;
  };
  /** A team's routing queue changed (queued, assigned, left): clients re-read it. No content. */
  'routing.queue_changed': { teamId: string };
  /** Time tracked or corrected on a conversation: clients showing its time re-read it. No content. */
  'time.changed': { conversationId: string };
  /** A customer answered a CSAT or NPS survey (reports and rules read it). */
  'csat.answered': {
    conversationId: string;
    scale: 'csat' | 'nps';
    rating: number;
    comment: string | null;
    conversation: ConversationSummaryDto;
  };
}
export type StreamEventType = keyof StreamEventPayloads;

export type StreamEvent = {
  [T in StreamEventType]: {
    cursor: number;
    type: T;
    conversationId: string | null;
    at: IsoDateTime;
    payload: StreamEventPayloads[T];
  };
}[StreamEventType];

/** Events that are not stored: they matter only while they happen. */
export interface TypingSignal {
  conversationId: string;
  actor: { type: 'operator' | 'contact'; id: string; name: string | null };
  typing: boolean;
}

export interface PresenceSignal {
  operatorId: string;
  status: PresenceStatus;
}

/** socket.io namespace operators connect to. */
export const OPERATOR_NAMESPACE = '/operators';

export interface OperatorHandshakeAuth {
  /** A bearer session token; a browser sends none and is known by its session cookie instead. */
  token?: string;
  /** With the session cookie: SessionDto.csrfToken, proving the page is ours. */
  csrfToken?: string;
  /** Last cursor the client applied; omitted on a first connection. */
  cursor?: number;
}

export interface OperatorServerToClientEvents {
  /** One durable event, in cursor order, exactly once per connection. */
  'stream.event': (event: StreamEvent) => void;
  /** Catch-up is done; everything up to `cursor` was delivered. */
  'stream.ready': (info: { cursor: number }) => void;
  /** The requested cursor is older than what the server keeps: reload state over REST. */
  'stream.reset': (info: { cursor: number; reason: 'cursor_expired' | 'cursor_ahead' }) => void;
  typing: (signal: TypingSignal) => void;
  presence: (signal: PresenceSignal) => void;
  /** Who has this conversation open now (the whole list, after every change). */
  viewers: (signal: ConversationViewersSignal) => void;
  error: (error: { code: string; message: string }) => void;
}

export interface OperatorClientToServerEvents {
  typing: (signal: { conversationId: string; typing: boolean }) => void;
  'presence.set': (signal: { status: PresenceStatus }) => void;
  /** "This tab has the conversation open": on open, on a change of activity, and as a heartbeat. */
  viewing: (request: ViewingRequest) => void;
}
