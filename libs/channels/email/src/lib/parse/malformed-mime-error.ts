import { ChannelInputError } from '@switchboard/channels-core';

/**
 * mailparser gave up on the mail's structure: past its limits (1000 MIME parts, which a tree
 * nested a thousand deep reaches as well; 1 MB of header fields in one part) or not MIME at all.
 * The mail may still hold words a person wrote (see readEmailKeepingText).
 */
export class MalformedMimeError extends ChannelInputError {
  constructor(readonly reason: string) {
    super(`malformed MIME message: ${reason}`);
    this.name = 'MalformedMimeError';
  }
}
