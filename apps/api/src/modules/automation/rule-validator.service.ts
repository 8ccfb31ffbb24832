import { Injectable } from '@nestjs/common';
import { checkTagName, tagKey, type RuleInput } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { AppException } from '../../core/http/app.exception';
import { AutomationRulesRepository } from './automation-rules.repository';
import { cycleThrough } from './engine/rule-graph';
import { RuleExternalActions } from './rule-external-actions';

const refuse = (reason: string) => new AppException('INVALID_RULE', reason);

/**
 * What a rule must be to be saved: every id it names is the account's, every attribute exists, a
 * round-robin team has members, a webhook goes to a public address, and, when enabled, it closes
 * no loop with the account's other enabled rules. Throws 422 INVALID_RULE with the reason.
 */
@Injectable()
export class RuleValidatorService {
  constructor(
    private readonly repo: AutomationRulesRepository,
    private readonly external: RuleExternalActions,
  ) {}

  async check(
    em: EntityManager,
    accountId: string,
    rule: RuleInput,
    id: string | null,
  ): Promise<void> {
    if (rule.actions.length === 0) throw refuse('A rule needs at least one action');
    await this.checkConditions(em, accountId, rule);
    await this.checkActions(em, accountId, rule);
    if (rule.enabled) await this.checkLoop(em, accountId, rule, id);
  }

  private async checkConditions(em: EntityManager, accountId: string, rule: RuleInput) {
    const conditions = rule.conditions.groups.flatMap((g) => g.conditions);
    const keys = new Set<string>();
    const inboxes = new Set<string>();
    const operators = new Set<string>();
    const teams = new Set<string>();
    for (const c of conditions) {
      if (c.field === 'contact_attribute') {
        keys.add(c.key);
        if ((c.op === 'equals' || c.op === 'not_equals') && c.value === undefined)
          throw refuse(`The condition on "${c.key}" needs a value`);
      }
      if (c.field === 'inbox') c.value.forEach((v) => inboxes.add(v));
      if (c.field === 'assignee') (c.value ?? []).forEach((v) => operators.add(v));
      if (c.field === 'team') (c.value ?? []).forEach((v) => teams.add(v));
      if (
        (c.field === 'assignee' || c.field === 'team') &&
        (c.op === 'is' || c.op === 'is_not') &&
        !c.value?.length
      )
        throw refuse(`The condition on the ${c.field} needs at least one ${c.field}`);
    }
    const knownKeys = await this.repo.attributeKeys(em, accountId, [...keys]);
    const unknownKey = [...keys].find((k) => !knownKeys.has(k));
    if (unknownKey) throw refuse(`Unknown contact attribute "${unknownKey}"`);
    await this.checkIds(em, accountId, { inboxes, operators, teams });
  }

  private async checkActions(em: EntityManager, accountId: string, rule: RuleInput) {
    const operators = new Set<string>();
    const teams = new Set<string>();
    const roundRobin = new Set<string>();
    const canned = new Set<string>();
    const removed = new Set<string>();
    for (const a of rule.actions) {
      if (a.type === 'assign_operator') operators.add(a.operatorId);
      if (a.type === 'assign_team') teams.add(a.teamId);
      if (a.type === 'assign_round_robin') roundRobin.add(a.teamId);
      if (a.type === 'send_canned_reply') canned.add(a.cannedReplyId);
      if (a.type === 'notify') {
        a.operatorIds.forEach((o) => operators.add(o));
        a.teamIds.forEach((t) => teams.add(t));
        if (a.operatorIds.length + a.teamIds.length === 0)
          throw refuse('A notification needs at least one operator or team');
      }
      if (a.type === 'add_tags')
        for (const t of a.tags) {
          const checked = checkTagName(t);
          if (!checked.ok) throw refuse(`Tag "${t}": ${checked.reason}`);
        }
      if (a.type === 'remove_tags') a.tags.forEach((t) => removed.add(tagKey(t)));
      if (a.type === 'call_webhook') await this.checkWebhook(a.url);
    }
    await this.checkIds(em, accountId, { inboxes: new Set(), operators, teams });
    const rr = await this.repo.teams(em, accountId, [...roundRobin]);
    for (const teamId of roundRobin) {
      const team = rr.get(teamId);
      if (!team) throw refuse(`Unknown team ${teamId}`);
      if (team.members === 0)
        throw refuse(`Round-robin on "${team.name}": the team has no active members`);
    }
    const replies = await this.repo.cannedReplyIds(em, accountId, [...canned]);
    const unknownReply = [...canned].find((c) => !replies.has(c));
    if (unknownReply) throw refuse(`Unknown canned reply ${unknownReply}`);
    const tags = await this.repo.tagKeys(em, accountId, [...removed]);
    const unknownTag = [...removed].find((t) => !tags.has(t));
    if (unknownTag) throw refuse(`Unknown tag "${unknownTag}"`);
  }

  private async checkIds(
    em: EntityManager,
    accountId: string,
    ids: { inboxes: Set<string>; operators: Set<string>; teams: Set<string> },
  ) {
    const inboxes = await this.repo.inboxIds(em, accountId, [...ids.inboxes]);
    const inbox = [...ids.inboxes].find((i) => !inboxes.has(i));
    if (inbox) throw refuse(`Unknown inbox ${inbox}`);
    const operators = await this.repo.activeOperators(em, accountId, [...ids.operators]);
    const operator = [...ids.operators].find((o) => !operators.has(o));
    if (operator) throw refuse(`Unknown or deactivated operator ${operator}`);
    const teams = await this.repo.teams(em, accountId, [...ids.teams]);
    const team = [...ids.teams].find((t) => !teams.has(t));
    if (team) throw refuse(`Unknown team ${team}`);
  }

  private async checkWebhook(url: string): Promise<void> {
    try {
      await this.external.checkWebhookUrl(url);
    } catch (err) {
      if (err instanceof AppException) throw refuse(`Webhook ${url}: ${err.message}`);
      throw err;
    }
  }

  private async checkLoop(
    em: EntityManager,
    accountId: string,
    rule: RuleInput,
    id: string | null,
  ) {
    const self = { id: id ?? 'new', name: rule.name, trigger: rule.trigger, actions: rule.actions };
    const others = (await this.repo.listEnabled(em, accountId)).filter((r) => r.id !== id);
    const cycle = cycleThrough(self, others);
    if (cycle)
      throw refuse(
        `These rules would trigger each other in a loop: ${[...cycle, cycle[0]!].map((r) => `"${r.name}"`).join(' → ')}`,
      );
  }
}
