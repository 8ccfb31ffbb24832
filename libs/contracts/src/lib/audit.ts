import { z } from 'zod';
import { storableDateTime } from './safe-text';

/** What the audit log records. Append-only; shown to admins. */
export const AUDIT_ACTIONS = [
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.signed_out',
  'auth.password_changed',
  'operator.created',
  'operator.updated',
  'operator.role_changed',
  'operator.deactivated',
  'operator.reactivated',
  'operator.invited',
  'operator.invitation_accepted',
  'inbox.created',
  'inbox.updated',
  'inbox.deleted',
  'inbox.paused',
  'inbox.resumed',
  'data.exported',
  'contacts.merged',
  'contacts.imported',
  'contacts.unmerged',
  'team.created',
  'team.renamed',
  'team.deleted',
  'team.members_changed',
  'team.routing_changed',
  'inbox.access_changed',
  'automation.rule_created',
  'automation.rule_updated',
  'automation.rule_deleted',
  'automation.rules_reordered',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.secret_rotated',
  'sla_policy.created',
  'sla_policy.updated',
  'sla_policy.deleted',
  'account.updated',
  'csat.settings_changed',
  'kb.article_published',
  'kb.article_unpublished',
  'kb.article_deleted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditLogEntryDto {
  id: string;
  action: AuditAction;
  /** The operator who acted; null for a failed sign-in or the system. */
  actor: { id: string | null; label: string | null };
  target: { type: string; id: string | null; label: string | null } | null;
  ip: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

export const listAuditLogQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: z.string().uuid().optional(),
  /** ISO date-times bounding the entries' time. */
  from: storableDateTime().optional(),
  to: storableDateTime().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditLogQuery = z.infer<typeof listAuditLogQuerySchema>;
