import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import type { AuditLogService } from '../../audit/audit-log.service';

/** What customers can read changed: who published, unpublished or deleted which article. */
export function recordKbChange(
  audit: AuditLogService,
  op: AuthenticatedOperator,
  action: 'kb.article_published' | 'kb.article_unpublished' | 'kb.article_deleted',
  article: { id: string; title: string | null },
  details: Record<string, unknown> = {},
): Promise<void> {
  return audit.record(
    {
      accountId: op.accountId,
      action,
      targetType: 'kb_article',
      targetId: article.id,
      targetLabel: article.title,
      details,
    },
    { operator: op },
  );
}
