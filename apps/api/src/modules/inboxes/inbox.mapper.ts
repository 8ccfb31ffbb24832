import type { InboxDto } from '@switchboard/contracts';
import type { InboxEntity } from './entities/inbox.entity';

/** The one place an inbox becomes its DTO: sealed secrets never leave, only which ones are set. */
export function toInboxDto(r: InboxEntity): InboxDto {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    settings: r.settings,
    secretsSet: r.secretKeys,
    reopenPolicy: r.reopenPolicy,
    connectionError: r.connectionError,
    createdAt: r.createdAt.toISOString(),
  };
}
