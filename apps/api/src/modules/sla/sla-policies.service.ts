import { Injectable } from '@nestjs/common';
import {
  createSlaPolicyRequestSchema,
  updateSlaPolicyRequestSchema,
  type SlaPolicyDto,
} from '@switchboard/contracts';
import type { z } from 'zod';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException, notFound } from '../../core/http/app.exception';
import { AuditLogService } from '../audit/audit-log.service';
import { toSlaPolicyDto } from './sla-policy.mapper';
import { SlaPoliciesRepository, isDuplicatePolicy } from './sla-policies.repository';

type CreateBody = z.output<typeof createSlaPolicyRequestSchema>;
type UpdateBody = z.output<typeof updateSlaPolicyRequestSchema>;

function requireAdmin(op: AuthenticatedOperator): void {
  if (op.role !== 'admin')
    throw new AppException('FORBIDDEN', 'Only admins can change SLA policies');
}

const duplicate = () =>
  new AppException(
    'CONFLICT',
    'This inbox already has a policy for that priority; edit that one instead',
  );

/**
 * Admin CRUD of SLA policies. A changed or removed policy applies to targets that start from
 * then on; clocks already running keep the due times they were given.
 */
@Injectable()
export class SlaPoliciesService {
  constructor(
    private readonly repo: SlaPoliciesRepository,
    private readonly audit: AuditLogService,
  ) {}

  async list(op: AuthenticatedOperator): Promise<SlaPolicyDto[]> {
    return (await this.repo.list(op.accountId)).map(toSlaPolicyDto);
  }

  async create(op: AuthenticatedOperator, ip: string, body: CreateBody): Promise<SlaPolicyDto> {
    requireAdmin(op);
    if (!(await this.repo.inboxExists(op.accountId, body.inboxId)))
      throw new AppException('INVALID_SLA_POLICY', 'inboxId: no such inbox in this account');
    let created: SlaPolicyDto;
    try {
      created = toSlaPolicyDto(await this.repo.insert({ ...body, accountId: op.accountId }));
    } catch (err) {
      if (isDuplicatePolicy(err)) throw duplicate();
      throw err;
    }
    await this.record(op, ip, 'sla_policy.created', created);
    return created;
  }

  async update(
    op: AuthenticatedOperator,
    ip: string,
    id: string,
    body: UpdateBody,
  ): Promise<SlaPolicyDto> {
    requireAdmin(op);
    const policy = await this.repo.find(op.accountId, id);
    if (!policy) throw notFound('SLA policy');
    try {
      await this.repo.update(id, body);
    } catch (err) {
      if (isDuplicatePolicy(err)) throw duplicate();
      throw err;
    }
    const updated = toSlaPolicyDto({ ...policy, ...body });
    await this.record(op, ip, 'sla_policy.updated', updated);
    return updated;
  }

  async remove(op: AuthenticatedOperator, ip: string, id: string): Promise<void> {
    requireAdmin(op);
    const policy = await this.repo.find(op.accountId, id);
    if (!policy) throw notFound('SLA policy');
    await this.repo.remove(id);
    await this.record(op, ip, 'sla_policy.deleted', toSlaPolicyDto(policy));
  }

  /** Every change in the audit log, with the targets as they are after it. */
  private record(
    op: AuthenticatedOperator,
    ip: string,
    action: 'sla_policy.created' | 'sla_policy.updated' | 'sla_policy.deleted',
    policy: SlaPolicyDto,
  ): Promise<void> {
    return this.audit.record(
      {
        accountId: op.accountId,
        action,
        targetType: 'sla_policy',
        targetId: policy.id,
        targetLabel: policy.priority ? `${policy.priority} priority` : 'any priority',
        details: { ...policy },
      },
      { operator: op, ip },
    );
  }
}
