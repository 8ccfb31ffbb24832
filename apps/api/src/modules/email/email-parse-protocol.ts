import type { InboundEvent } from '@switchboard/channels-core';
import type { EmailReadingNote, ParseContext, RawEmail } from '@switchboard/channels-email';

/**
 * What the API and an email parse worker say to each other (`postMessage`, structured clone:
 * Buffers arrive as Uint8Arrays, Dates stay Dates, class instances become plain objects).
 */
export interface EmailParseRequest {
  id: number;
  raw: RawEmail;
  ctx: ParseContext;
}

export type EmailParseReply =
  | { type: 'ready' }
  | { type: 'parsed'; id: number; events: InboundEvent[]; notes: EmailReadingNote[] }
  /** The parser threw; `refused` when it was a ChannelInputError (the mail itself is unusable). */
  | { type: 'failed'; id: number; refused: boolean; message: string };
