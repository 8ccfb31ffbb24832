import type { SearchMatchDto } from './search';
import type { TagRefDto } from './tags';
import type { ContactDto } from './contacts';
import type { Activity } from './activities';
import type { ConversationPriority } from './priority';
import type { ConversationSlaDto } from './sla';
import type { EmailRecipientsDto } from './email-replies';
import type {
  ChannelKind,
  ConversationStatus,
  DeliveryStatus,
  MessageDirection,
  MessageKind,
  OperatorRole,
  ReopenPolicy,
} from './enums';

/** All timestamps on the wire are ISO-8601 strings in UTC. */
export type IsoDateTime = string;

export interface OperatorDto {
  id: string;
  email: string;
  name: string;
  role: OperatorRole;
  timezone: string;
  /** The language the operator chose; null follows the browser. */
  locale: string | null;
}

export interface InboxDto {
  id: string;
  kind: ChannelKind;
  name: string;
  /** Public settings of the channel (never secrets). */
  settings: Record<string, unknown>;
  /** Names of the secret fields that are set; their values never leave the server. */
  secretsSet: string[];
  reopenPolicy: ReopenPolicy;
  /**
   * Why the channel cannot work right now, in the provider's words ("Telegram rejected the bot token
   * (401 Unauthorized)"); null while it works. Cleared by saving working credentials.
   */
  connectionError: string | null;
  /**
   * Paused by an admin: nothing is pulled from the provider (IMAP, Telegram long polling) until it
   * is resumed; what arrived meanwhile is read then. Null while it runs.
   */
  pausedAt: IsoDateTime | null;
  /** Whether this inbox can be paused: only channels we pull from (push providers would drop mail). */
  pausable: boolean;
  /** Free-form replies are allowed this many hours after the customer's last message; null: always. */
  replyWindowHours: number | null;
  /** Where the provider sends this inbox's webhooks (to paste into its console). */
  webhookUrl: string;
  /** Where the provider reports delivery (Twilio's status callback), when it is a separate URL. */
  statusCallbackUrl: string | null;
  createdAt: IsoDateTime;
}

// ContactDto and ContactIdentityDto live in ./contacts (the customer card).

export interface AttachmentDto {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  /** Relative download URL (served as an attachment with nosniff). */
  url: string;
  /** Content-ID for inline email images, if any. */
  contentId?: string | null;
  /**
   * Absent once the bytes are ours. `pending`: announced by the channel and being fetched (no `url`
   * yet); `unavailable`: it could not be fetched, `unavailableReason` says why ("file too large").
   */
  status?: 'pending' | 'unavailable';
  unavailableReason?: string | null;
}

export interface ConversationSummaryDto {
  id: string;
  /** Short per-account number for humans (#1042). */
  number: number;
  inboxId: string;
  channel: ChannelKind;
  status: ConversationStatus;
  snoozedUntil: IsoDateTime | null;
  assigneeId: string | null;
  /** The team it is assigned to, besides or instead of an operator. */
  assigneeTeamId: string | null;
  subject: string | null;
  contact: { id: string; name: string | null; handle: string | null };
  lastActivityAt: IsoDateTime;
  lastMessagePreview: string | null;
  lastMessageDirection: MessageDirection | null;
  unreadCount: number;
  createdAt: IsoDateTime;
  /** Its tags, by name. */
  tags: TagRefDto[];
  /**
   * Why the customer cannot be reached on this channel now ("The customer blocked the bot"); null
   * or absent while they can.
   */
  unreachableReason?: string | null;
  /**
   * When free-form replies stop being allowed (WhatsApp: 24 hours after the customer's last
   * message); null on channels without a window. Past it, only approved templates can be sent.
   */
  replyWindowClosesAt?: IsoDateTime | null;
  /** In search results: the newest message that matched, with the matching words marked. */
  match?: SearchMatchDto;
  /** How urgent it is (set by hand or by rules); the feed can sort by it. */
  priority: ConversationPriority;
  /** The nearest running SLA target (live countdown); null or absent when none runs. */
  sla?: ConversationSlaDto | null;
  /**
   * The customer's newest message was sent by a machine (auto-reply, bulk, out-of-office); absent
   * when it was not (or in summaries that do not say, such as the ingest fast path's, which never
   * stores automated mail).
   */
  automated?: boolean;
}

export interface MessageDto {
  id: string;
  conversationId: string;
  direction: MessageDirection;
  kind: MessageKind;
  sender: { type: 'contact' | 'operator' | 'system'; id: string | null; name: string | null };
  text: string | null;
  /** Sanitized HTML (email); render only in a sandboxed frame. */
  html: string | null;
  attachments: AttachmentDto[];
  activity: Activity | null;
  deliveryStatus: DeliveryStatus | null;
  failureReason: string | null;
  channel: ChannelKind;
  createdAt: IsoDateTime;
  /** Colleagues @mentioned in an internal note (always empty on customer-facing messages). */
  mentions?: MentionDto[];
  /** When the customer last edited it on their app (Telegram), if they did. */
  editedAt?: IsoDateTime | null;
  /** The message this one answers (an operator's reply, or a customer's quoting one of ours). */
  replyTo?: { id: string; text: string | null } | null;
  /** The approved template it was sent as ({{n}} values filled into `text`). */
  template?: { id: string; variables: Record<string, string> } | null;
  /** Sent by a machine (auto-reply, out-of-office, bulk or list mail): marked, never auto-answered. */
  automated?: boolean;
  /** Email: who else it went to (a customer's To and Cc; a reply's Cc and Bcc). */
  emailRecipients?: EmailRecipientsDto | null;
  /** Web chat: the page the visitor wrote from, and the page that led them there. */
  sourcePage?: MessageSourcePageDto | null;
  /** A reply held for Undo send: it leaves at this time unless its author undoes it first. */
  undoUntil?: IsoDateTime | null;
}

export interface MessageSourcePageDto {
  url: string;
  referrer: string | null;
}

/** An operator @mentioned in a note, with their name as it was when the note was written. */
export interface MentionDto {
  id: string;
  name: string;
}

export interface NotificationDto {
  id: string;
  operatorId: string;
  type:
    | 'customer_message'
    | 'snooze_expired'
    | 'unsnoozed_by_customer'
    | 'assigned'
    | 'mention'
    /** A colleague gave you a task (about this conversation); and when it fell due. */
    | 'task_assigned'
    | 'task_due'
    /** An SLA target of the conversation was breached (to its assignee, or its team / inbox). */
    | 'sla_breached'
    /** An automation rule's "notify" action (the timeline names the rule). */
    | 'rule';
  conversationId: string;
  createdAt: IsoDateTime;
  /** When the operator read it (in any tab or device); null while unread. */
  readAt: IsoDateTime | null;
  /** What it says beyond its type: a rule's notification names the rule and its message. */
  detail?: NotificationDetail | null;
}

export interface NotificationDetail {
  rule?: string;
  text?: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque keyset cursor for the next page, null at the end. */
  nextCursor: string | null;
}

export interface ConversationCountsDto {
  open: number;
  snoozed: number;
  closed: number;
  /**
   * Milliseconds from the response until the next of the counted snoozes falls due (null: none).
   * From then it counts and lists as open: the inbox looks again at that moment, without waiting
   * for the wake-up's event.
   */
  nextSnoozeDueInMs: number | null;
}

export interface ConversationDetailDto extends ConversationSummaryDto {
  contactCard: ContactDto;
}

export interface LoginResponseDto {
  token: string;
  operator: OperatorDto;
}

export interface ApiErrorDto {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
}
