import { Injectable } from '@nestjs/common';
import type { StreamEvent } from '@switchboard/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface IngestFunctionInput {
  accountId: string;
  inboxId: string;
  channel: string;
  sender: {
    externalId: string;
    name?: string | null;
    email?: string | null;
    phone?: string | null;
  };
  externalId: string;
  text: string | null;
  html: string | null;
  subject: string | null;
  attachments: unknown[];
  preview: string | null;
}

export type IngestFunctionResult =
  | { kind: 'stored'; messageId: string; conversationId: string; created: boolean }
  | { kind: 'duplicate' }
  | { kind: 'fallback' };

type BatchItemResult =
  | { ok: { messageId: string; conversationId: string; created: boolean } }
  | { error: string; code: string };

/** An event the batch stored already numbered, with its account (see the migration). */
export interface NumberedIngestEvent extends Omit<StreamEvent, 'payload'> {
  accountId: string;
  payload: unknown;
}

export interface IngestBatchOutcome {
  /** One per input, in order: the outcome, or an Error for that item alone. */
  items: (IngestFunctionResult | Error)[];
  /** Every stored item's events, numbered, oldest first per account. */
  events: NumberedIngestEvent[];
}

/** The common case of an inbound message as SQL function calls (see their migrations). */
@Injectable()
export class IngestFunctionRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Many webhooks' messages in one transaction; each item succeeds or fails alone. */
  async ingestBatch(inputs: IngestFunctionInput[]): Promise<IngestBatchOutcome> {
    // raw SQL: sb_ingest_batch stores many webhooks' messages in one transaction (group commit);
    // each item is sb_ingest_item (identity, conversation, message in one call), and the batch
    // inserts their events already numbered, so no event row is written twice.
    const rows = (await this.ds.query('SELECT sb_ingest_batch($1::jsonb) AS r', [
      JSON.stringify(inputs),
    ])) as { r: { items: BatchItemResult[]; events: NumberedIngestEvent[] } }[];
    const { items, events } = rows[0]!.r;
    return {
      events,
      items: items.map((item): IngestFunctionResult | Error => {
        if ('ok' in item) return { kind: 'stored', ...item.ok };
        if (item.error.includes('sb_duplicate')) return { kind: 'duplicate' };
        if (item.error.includes('sb_fallback')) return { kind: 'fallback' };
        return Object.assign(new Error(item.error), { code: item.code });
      }),
    };
  }
}
