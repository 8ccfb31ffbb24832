import { ChannelError, type OutboundMessage } from '@switchboard/channels-core';
import { isEmailAddress } from '@switchboard/contracts';

export interface ReplyCopies {
  /** For the Cc header (nodemailer's address objects). */
  cc: Array<{ name: string; address: string }>;
  /** Cc and Bcc addresses for the SMTP envelope, each once, none equal to the To address. */
  envelope: string[];
}

/**
 * The reply's Cc and Bcc, each address once: an address already in To is not copied again, and a
 * Bcc that is also a Cc stays a Cc. Bcc addresses go to the envelope only (see composeReply).
 */
export function copiesFor(message: Pick<OutboundMessage, 'copies'>, to: string): ReplyCopies {
  const seen = new Set([to.toLowerCase()]);
  const keep = (list: ReadonlyArray<{ address: string; name: string | null }> = []) =>
    list.filter((a) => {
      const address = a.address.toLowerCase();
      if (!isEmailAddress(address)) {
        throw new ChannelError(
          'INVALID_RECIPIENT',
          `Not an email address: "${a.address.slice(0, 100)}"`,
        );
      }
      if (seen.has(address)) return false;
      seen.add(address);
      return true;
    });
  const cc = keep(message.copies?.cc);
  const bcc = keep(message.copies?.bcc);
  return {
    cc: cc.map((a) => ({ name: a.name ?? '', address: a.address.toLowerCase() })),
    envelope: [...cc, ...bcc].map((a) => a.address.toLowerCase()),
  };
}
