import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditLogEntryDto, ListAuditLogQuery, Page } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { decodeKeyset, encodeKeyset } from '../conversations/keyset-cursor';
import { toAuditLogEntryDto } from './audit-log.mapper';
import { AuditLogRepository, type NewAuditLogEntry } from './audit-log.repository';

/** Who did it, from where: the part of an entry every request can fill in. */
export interface AuditActor {
  operator?: Pick<AuthenticatedOperator, 'id' | 'name' | 'email'> | null;
  label?: string | null;
  ip?: string | null;
}

/** Records what admins must be able to reconstruct later, and lists it for them. */
@Injectable()
export class AuditLogService {
  private readonly logger = new Logger(AuditLogService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: AuditLogRepository,
  ) {}

  /**
   * Appends an entry. Inside the caller's transaction when `em` is given, so the entry exists
   * exactly when the change does.
   */
  async record(
    entry: Omit<NewAuditLogEntry, 'actorOperatorId' | 'actorLabel' | 'ip'>,
    actor: AuditActor,
    em: EntityManager = this.ds.manager,
  ): Promise<void> {
    await this.repo.insert(em, {
      ...entry,
      actorOperatorId: actor.operator?.id ?? null,
      actorLabel: actor.label ?? actor.operator?.email ?? null,
      ip: normaliseIp(actor.ip),
    });
  }

  /** For events that must never fail the action they describe (a sign-in, a sign-out). */
  async recordQuietly(
    entry: Omit<NewAuditLogEntry, 'actorOperatorId' | 'actorLabel' | 'ip'>,
    actor: AuditActor,
  ): Promise<void> {
    await this.record(entry, actor).catch((err: Error) =>
      this.logger.error(`Audit entry ${entry.action} not recorded: ${err.message}`),
    );
  }

  async list(op: AuthenticatedOperator, q: ListAuditLogQuery): Promise<Page<AuditLogEntryDto>> {
    const rows = await this.repo.listPage(
      { accountId: op.accountId, action: q.action, actorId: q.actorId, from: q.from, to: q.to },
      decodeKeyset(q.cursor),
      q.limit,
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => toAuditLogEntryDto(r.entry)),
      nextCursor:
        rows.length > q.limit && last
          ? encodeKeyset({ at: last.createdKey, id: last.entry.id })
          : null,
    };
  }
}

/** Express gives `::ffff:1.2.3.4` for IPv4 on a dual-stack socket; store the plain address. */
function normaliseIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
}
