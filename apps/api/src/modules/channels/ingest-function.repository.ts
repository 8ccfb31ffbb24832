import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { GroupCommit } from './group-commit';

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

/** Lanes writing at once: disjoint senders, so their transactions share no row lock. */
const WRITERS = 2;
/** Items per transaction: each is a subtransaction, and PostgreSQL caches 64 per backend. */
const MAX_BATCH = 48;

type BatchItemResult =
  | { ok: { messageId: string; conversationId: string; created: boolean } }
  | { error: string; code: string };

/**
 * The common case of an inbound message as one SQL function call (see its migration), grouped:
 * messages arriving together are written in one transaction (sb_ingest_batch) and each caller
 * is answered after that commit.
 */
@Injectable()
export class IngestFunctionRepository {
  private readonly group = new GroupCommit<IngestFunctionInput, IngestFunctionResult>({
    writers: WRITERS,
    maxBatch: MAX_BATCH,
    // One identity (inbox, sender) always in one lane: its rows are locked by one writer at a time.
    keyOf: (input) => `${input.inboxId}\u0000${input.sender.externalId}`,
    write: (inputs) => this.writeBatch(inputs),
  });

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  ingest(input: IngestFunctionInput): Promise<IngestFunctionResult> {
    return this.group.submit(input);
  }

  private async writeBatch(
    inputs: IngestFunctionInput[],
  ): Promise<(IngestFunctionResult | Error)[]> {
    // raw SQL: sb_ingest_batch stores many webhooks' messages in one transaction (group commit);
    // each item is sb_ingest_message, which does identity, conversation, message and events in one
    // call (about 9 round trips before).
    const rows = (await this.ds.query('SELECT sb_ingest_batch($1::jsonb) AS r', [
      JSON.stringify(inputs),
    ])) as { r: BatchItemResult[] }[];
    return rows[0]!.r.map((item): IngestFunctionResult | Error => {
      if ('ok' in item) return { kind: 'stored', ...item.ok };
      if (item.error.includes('sb_duplicate')) return { kind: 'duplicate' };
      if (item.error.includes('sb_fallback')) return { kind: 'fallback' };
      return Object.assign(new Error(item.error), { code: item.code });
    });
  }
}
