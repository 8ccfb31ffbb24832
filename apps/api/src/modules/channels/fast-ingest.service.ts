import { Injectable } from '@nestjs/common';
import type { StreamEvent } from '@switchboard/contracts';
import { EventStreamService } from '../../core/events/event-stream.service';
import { GroupCommit } from './group-commit';
import {
  IngestFunctionRepository,
  type IngestFunctionInput,
  type IngestFunctionResult,
  type NumberedIngestEvent,
} from './ingest-function.repository';

/** Lanes writing at once: disjoint senders, so their transactions share no row lock. */
const WRITERS = 2;
/** Items per transaction: each is a subtransaction, and PostgreSQL caches 64 per backend. */
const MAX_BATCH = 48;

/**
 * The inbound fast path, grouped: messages arriving together are written in one transaction
 * (sb_ingest_batch), their events come back numbered and are published at once, and each caller
 * is answered after that commit. Nothing is left for the sequencer to rewrite.
 */
@Injectable()
export class FastIngestService {
  private readonly group = new GroupCommit<IngestFunctionInput, IngestFunctionResult>({
    writers: WRITERS,
    maxBatch: MAX_BATCH,
    // One identity (inbox, sender) always in one lane: its rows are locked by one writer at a time.
    keyOf: (input) => `${input.inboxId}\u0000${input.sender.externalId}`,
    write: (inputs) => this.write(inputs),
  });

  constructor(
    private readonly ingestFunction: IngestFunctionRepository,
    private readonly stream: EventStreamService,
  ) {}

  ingest(input: IngestFunctionInput): Promise<IngestFunctionResult> {
    return this.group.submit(input);
  }

  private async write(inputs: IngestFunctionInput[]): Promise<(IngestFunctionResult | Error)[]> {
    const numbering = this.stream.beginNumbering();
    try {
      const { items, events } = await this.ingestFunction.ingestBatch(inputs);
      numbering();
      for (const [accountId, numbered] of byAccount(events))
        this.stream.publish(accountId, numbered);
      return items;
    } finally {
      numbering();
    }
  }
}

function byAccount(events: NumberedIngestEvent[]): Map<string, StreamEvent[]> {
  const grouped = new Map<string, StreamEvent[]>();
  for (const { accountId, cursor, type, conversationId, at, payload } of events) {
    let list = grouped.get(accountId);
    if (!list) grouped.set(accountId, (list = []));
    list.push({ cursor, type, conversationId, at, payload } as StreamEvent);
  }
  return grouped;
}
