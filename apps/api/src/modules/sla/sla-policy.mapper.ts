import type { SlaPolicyDto } from '@switchboard/contracts';
import type { SlaPolicyEntity } from './entities/sla-policy.entity';

export function toSlaPolicyDto(p: SlaPolicyEntity): SlaPolicyDto {
  return {
    id: p.id,
    inboxId: p.inboxId,
    priority: p.priority,
    firstResponseMinutes: p.firstResponseMinutes,
    nextResponseMinutes: p.nextResponseMinutes,
    resolutionMinutes: p.resolutionMinutes,
    warningPercent: p.warningPercent,
    warningMinutesBefore: p.warningMinutesBefore,
    countSnoozed: p.countSnoozed,
    businessHours: p.businessHours,
    createdAt: p.createdAt.toISOString(),
  };
}
