import type { InboxDto } from '@switchboard/contracts';
import type { InboxEntity } from './entities/inbox.entity';
import { isPausable } from './inbox-pausing';

/** The one place an inbox becomes its DTO: sealed secrets never leave, only which ones are set. */
export function toInboxDto(r: InboxEntity, publicUrl: string): InboxDto {
  const webhookUrl = `${publicUrl.replace(/\/$/, '')}/api/webhooks/${r.id}`;
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    settings: r.settings,
    secretsSet: r.secretKeys,
    reopenPolicy: r.reopenPolicy,
    connectionError: r.connectionError,
    pausedAt: r.pausedAt?.toISOString() ?? null,
    pausable: isPausable(r),
    replyWindowHours: r.replyWindowHours,
    webhookUrl,
    // Twilio reports delivery to a URL of its own, given with every send; shown for its console.
    statusCallbackUrl: r.kind === 'whatsapp' ? `${webhookUrl}?event=status` : null,
    createdAt: r.createdAt.toISOString(),
  };
}
