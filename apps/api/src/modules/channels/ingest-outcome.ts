import type { ReceiptResult } from '../messages/delivery-receipts.service';

/** What the inbound pipeline did with one event, as the channel's webhook answer reports it. */
export type IngestOutcome =
  | { kind: 'stored'; messageId: string; conversationId: string; createdConversation: boolean }
  | { kind: 'duplicate'; externalId: string }
  /** applied: the message moved; held: kept until its id is recorded; unchanged: already there. */
  | { kind: 'status'; messageId: string | null; result: ReceiptResult['kind'] }
  /** A stored message changed (an edit, another album part) or the customer's reachability did. */
  | { kind: 'updated'; messageId: string; conversationId: string }
  /** Left out of the batch, with the reason (an unknown status, an entry the adapter could not use). */
  | { kind: 'skipped'; externalId: string | null; reason: string };
