import type { AuditLogEntryDto } from '@switchboard/contracts';
import type { AuditLogEntryEntity } from './entities/audit-log-entry.entity';

export function toAuditLogEntryDto(e: AuditLogEntryEntity): AuditLogEntryDto {
  return {
    id: e.id,
    action: e.action,
    actor: { id: e.actorOperatorId, label: e.actorLabel },
    target: e.targetType ? { type: e.targetType, id: e.targetId, label: e.targetLabel } : null,
    ip: e.ip,
    details: e.details,
    createdAt: e.createdAt.toISOString(),
  };
}
