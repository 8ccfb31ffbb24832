import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MAX_RULES_PER_ACCOUNT,
  type ListRuleRunsQuery,
  type Page,
  type RuleDto,
  type RuleInput,
  type RuleRunDto,
  type UpdateRuleRequest,
} from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException, notFound } from '../../core/http/app.exception';
import { AuditLogService } from '../audit/audit-log.service';
import { decodeKeyset, encodeKeyset, isUuid } from '../conversations/keyset-cursor';
import { toRuleDto, toRuleRunDto } from './automation.mapper';
import { AutomationRulesRepository } from './automation-rules.repository';
import { AutomationRunsRepository } from './automation-runs.repository';
import type { AutomationRuleEntity } from './entities/automation-rule.entity';
import { RuleValidatorService } from './rule-validator.service';

/**
 * The account's rules: admins change them, everyone reads them and the log. Each change is one
 * transaction with its audit entry, serialised per account so two saves cannot close a loop.
 */
@Injectable()
export class AutomationRulesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: AutomationRulesRepository,
    private readonly runs: AutomationRunsRepository,
    private readonly validator: RuleValidatorService,
    private readonly audit: AuditLogService,
  ) {}

  async list(op: AuthenticatedOperator): Promise<RuleDto[]> {
    return (await this.repo.list(op.accountId)).map(toRuleDto);
  }

  async get(op: AuthenticatedOperator, id: string): Promise<RuleDto> {
    return toRuleDto(await this.find(this.ds.manager, op, id));
  }

  create(op: AuthenticatedOperator, ip: string, input: RuleInput): Promise<RuleDto> {
    requireAdmin(op);
    return this.ds.transaction(async (em) => {
      await this.repo.lockAccount(em, op.accountId);
      if ((await this.repo.count(em, op.accountId)) >= MAX_RULES_PER_ACCOUNT)
        throw new AppException(
          'INVALID_RULE',
          `An account has at most ${MAX_RULES_PER_ACCOUNT} rules`,
        );
      await this.validator.check(em, op.accountId, input, null);
      const rule = await this.repo.insert(em, op.accountId, input);
      await this.record(em, op, ip, rule, 'automation.rule_created', {});
      return toRuleDto(rule);
    });
  }

  update(
    op: AuthenticatedOperator,
    ip: string,
    id: string,
    change: UpdateRuleRequest,
  ): Promise<RuleDto> {
    requireAdmin(op);
    return this.ds.transaction(async (em) => {
      await this.repo.lockAccount(em, op.accountId);
      const current = await this.find(em, op, id);
      const next: RuleInput = {
        name: change.name ?? current.name,
        enabled: change.enabled ?? current.enabled,
        trigger: change.trigger ?? current.trigger,
        conditions: change.conditions ?? current.conditions,
        actions: change.actions ?? current.actions,
      };
      await this.validator.check(em, op.accountId, next, current.id);
      await this.repo.update(em, current.id, next);
      const updated = await this.find(em, op, id);
      await this.record(em, op, ip, updated, 'automation.rule_updated', {
        changed: Object.keys(change),
      });
      return toRuleDto(updated);
    });
  }

  delete(op: AuthenticatedOperator, ip: string, id: string): Promise<void> {
    requireAdmin(op);
    return this.ds.transaction(async (em) => {
      await this.repo.lockAccount(em, op.accountId);
      const rule = await this.find(em, op, id);
      await this.repo.delete(em, rule.id);
      await this.record(em, op, ip, rule, 'automation.rule_deleted', {});
    });
  }

  /** The new order must name every rule of the account once. */
  reorder(op: AuthenticatedOperator, ip: string, ids: string[]): Promise<RuleDto[]> {
    requireAdmin(op);
    return this.ds.transaction(async (em) => {
      await this.repo.lockAccount(em, op.accountId);
      const rules = await this.repo.list(op.accountId, em);
      const known = new Set(rules.map((r) => r.id));
      if (
        new Set(ids).size !== ids.length ||
        ids.length !== known.size ||
        ids.some((i) => !known.has(i))
      )
        throw new AppException('VALIDATION_FAILED', 'ids: name every rule of the account once');
      await this.repo.setPositions(em, ids);
      await this.audit.record(
        { accountId: op.accountId, action: 'automation.rules_reordered', details: { ids } },
        { operator: op, ip },
        em,
      );
      return (await this.repo.list(op.accountId, em)).map(toRuleDto);
    });
  }

  async listRuns(op: AuthenticatedOperator, q: ListRuleRunsQuery): Promise<Page<RuleRunDto>> {
    const rows = await this.runs.listPage(
      { accountId: op.accountId, ruleId: q.ruleId, conversationId: q.conversationId },
      decodeKeyset(q.cursor),
      q.limit,
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toRuleRunDto),
      nextCursor:
        rows.length > q.limit && last ? encodeKeyset({ at: last.at_key, id: last.id }) : null,
    };
  }

  private async find(em: EntityManager, op: AuthenticatedOperator, id: string) {
    const rule = isUuid(id) ? await this.repo.find(em, op.accountId, id) : null;
    if (!rule) throw notFound('Rule');
    return rule;
  }

  private record(
    em: EntityManager,
    op: AuthenticatedOperator,
    ip: string,
    rule: AutomationRuleEntity,
    action: 'automation.rule_created' | 'automation.rule_updated' | 'automation.rule_deleted',
    details: Record<string, unknown>,
  ) {
    return this.audit.record(
      {
        accountId: op.accountId,
        action,
        targetType: 'automation_rule',
        targetId: rule.id,
        targetLabel: rule.name,
        details,
      },
      { operator: op, ip },
      em,
    );
  }
}

function requireAdmin(op: AuthenticatedOperator): void {
  if (op.role !== 'admin')
    throw new AppException('FORBIDDEN', 'Only admins can change automation rules');
}
