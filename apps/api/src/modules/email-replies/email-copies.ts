import type { EmailAddressDto, EmailRecipientsDto } from '@switchboard/contracts';
import { AppException } from '../../core/http/app.exception';
import { isInboxAddress } from './inbox-address';

interface CopiesRequest {
  cc: EmailAddressDto[];
  bcc: EmailAddressDto[];
}

/**
 * The Cc and Bcc a reply asked for, as its message keeps them; null when it asked for none.
 * Refused (400, with the reason) on anything but an email reply, and for the inbox's own address.
 * An address given twice is kept once; one in both lists stays a Cc.
 */
export function emailCopiesFor(
  req: CopiesRequest,
  reply: { kind: 'message' | 'note'; template: boolean; inbox: { kind: string; settings: object } },
): EmailRecipientsDto | null {
  if (req.cc.length === 0 && req.bcc.length === 0) return null;
  if (reply.kind === 'note')
    throw new AppException(
      'VALIDATION_FAILED',
      'A note reaches nobody outside: it takes no Cc or Bcc',
    );
  if (reply.inbox.kind !== 'email' || reply.template)
    throw new AppException(
      'VALIDATION_FAILED',
      `Cc and Bcc are for email replies; this reply goes by ${reply.inbox.kind}`,
    );
  const fromAddress = (reply.inbox.settings as { fromAddress?: unknown }).fromAddress;
  const seen = new Set<string>();
  const keep = (list: EmailAddressDto[]) =>
    list.filter((a) => {
      if (typeof fromAddress === 'string' && isInboxAddress(a.address, fromAddress))
        throw new AppException(
          'VALIDATION_FAILED',
          `${a.address} is this inbox's own address: a copy would come back to the inbox`,
        );
      if (seen.has(a.address)) return false;
      seen.add(a.address);
      return true;
    });
  return { cc: keep(req.cc), bcc: keep(req.bcc) };
}
