import type { AuditAction, AuditLogEntryDto, Page } from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export const auditLogApi = {
  list: (query: { action?: AuditAction; cursor?: string | null }, signal?: AbortSignal) => {
    const params = new URLSearchParams({ limit: '50' });
    if (query.action) params.set('action', query.action);
    if (query.cursor) params.set('cursor', query.cursor);
    return apiRequest<Page<AuditLogEntryDto>>('GET', `/api/audit-log?${params}`, { signal });
  },
};
