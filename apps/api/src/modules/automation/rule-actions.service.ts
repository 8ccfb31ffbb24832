import { Injectable } from '@nestjs/common';
import {
  checkTagName,
  tagKey,
  type Activity,
  type ActorRef,
  type NotificationDetail,
  type RuleAction,
  type RuleActionResult,
} from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { InboxAccessRepository } from '../access/inbox-access.repository';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { MessagesRepository } from '../messages/messages.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { TagsRepository } from '../tags/tags.repository';
import { AutomationActionsRepository } from './automation-actions.repository';
import type { RuleContext } from './engine/rule-context';
import { RuleFailure } from './engine/rule-failure';
import { RuleReplyService } from './rule-reply.service';
import { RuleExternalActions } from './rule-external-actions';

/** What a rule's actions left behind: activities and notifications to announce, messages to send. */
export interface ActionEffects {
  activities: Activity[];
  notify: Map<string, 'assigned' | 'rule'>;
  /** What the rule's "notify" says (its name and message), on its notifications. */
  notifyDetail?: NotificationDetail;
  /** Notes and replies the rule wrote, announced as message.created. */
  messageIds: string[];
}

const done = (type: RuleAction['type'], detail: string | null): RuleActionResult => ({
  type,
  status: 'done',
  detail,
});
const unchanged = (type: RuleAction['type'], detail: string | null): RuleActionResult => ({
  type,
  status: 'unchanged',
  detail,
});

/**
 * Runs one action of a rule on the locked conversation, in the engine's transaction. A refusal
 * the rule cannot live with (an operator without access, a reply the channel refuses) throws
 * RuleFailure: the engine rolls the whole rule back to its savepoint and logs why.
 */
@Injectable()
export class RuleActionsService {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly tags: TagsRepository,
    private readonly inboxAccess: InboxAccessRepository,
    private readonly notifications: NotificationsService,
    private readonly repo: AutomationActionsRepository,
    private readonly replies: RuleReplyService,
    private readonly external: RuleExternalActions,
  ) {}

  async run(
    em: EntityManager,
    ctx: RuleContext,
    by: ActorRef,
    action: RuleAction,
    effects: ActionEffects,
  ): Promise<RuleActionResult> {
    const conv = ctx.conversation;
    const record = (activity: Activity) => effects.activities.push(activity);
    switch (action.type) {
      case 'assign_operator': {
        const [operator] = await this.repo.activeOperators(em, conv.accountId, [action.operatorId]);
        if (!operator) throw new RuleFailure('assign: the operator is deactivated or gone');
        if (!(await this.inboxAccess.operatorMayWork(em, operator.id, conv.inboxId)))
          throw new RuleFailure(`assign: ${operator.name} has no access to this inbox`);
        if (conv.assigneeId === operator.id) return unchanged(action.type, operator.name);
        await this.conversations.setAssignee(em, conv.id, operator.id);
        conv.assigneeId = operator.id;
        record({ type: 'assigned', by, assignee: { id: operator.id, name: operator.name } });
        effects.notify.set(operator.id, 'assigned');
        return done(action.type, operator.name);
      }
      case 'assign_team': {
        const team = await this.conversations.findTeamInAccount(em, conv.accountId, action.teamId);
        if (!team) throw new RuleFailure('assign team: the team no longer exists');
        if (conv.teamId === team.id) return unchanged(action.type, team.name);
        await this.conversations.setAssigneeTeam(em, conv.id, team.id);
        conv.teamId = team.id;
        record({ type: 'team_assigned', by, team: { id: team.id, name: team.name } });
        for (const id of await this.inboxAccess.teamMembersWhoMayWork(em, team.id, conv.inboxId))
          if (!effects.notify.has(id)) effects.notify.set(id, 'assigned');
        return done(action.type, team.name);
      }
      case 'unassign': {
        if (!conv.assigneeId && !conv.teamId) return unchanged(action.type, null);
        if (conv.assigneeId) {
          await this.conversations.setAssignee(em, conv.id, null);
          record({ type: 'assigned', by, assignee: null });
        }
        if (conv.teamId) {
          await this.conversations.setAssigneeTeam(em, conv.id, null);
          record({ type: 'team_assigned', by, team: null });
        }
        conv.assigneeId = null;
        conv.teamId = null;
        return done(action.type, null);
      }
      case 'add_tags': {
        const added: string[] = [];
        for (const typed of action.tags) {
          const checked = checkTagName(typed);
          if (!checked.ok) throw new RuleFailure(`tag "${typed}": ${checked.reason}`);
          const key = tagKey(checked.name);
          const tag = await this.tags.findOrCreate(em, conv.accountId, checked.name, key);
          if (!(await this.tags.link(em, conv.accountId, conv.id, tag.id))) continue;
          conv.tagKeys.push(key);
          added.push(tag.name);
          record({ type: 'tag_added', by, tag: tag.name });
        }
        return added.length
          ? done(action.type, added.join(', '))
          : unchanged(action.type, action.tags.join(', '));
      }
      case 'remove_tags': {
        const removed: string[] = [];
        for (const name of action.tags) {
          const tag = await this.tags.findByKey(em, conv.accountId, tagKey(name));
          if (!tag || !(await this.tags.unlink(em, conv.id, tag.id))) continue;
          conv.tagKeys = conv.tagKeys.filter((k) => k !== tag.nameKey);
          removed.push(tag.name);
          record({ type: 'tag_removed', by, tag: tag.name });
        }
        return removed.length
          ? done(action.type, removed.join(', '))
          : unchanged(action.type, action.tags.join(', '));
      }
      case 'add_note': {
        const noteId = await this.repo.insertMessage(em, {
          accountId: conv.accountId,
          conversationId: conv.id,
          inboxId: conv.inboxId,
          kind: 'note',
          text: action.text,
        });
        effects.messageIds.push(noteId);
        return done(action.type, null);
      }
      case 'send_canned_reply':
        return this.replies.send(em, ctx, action.cannedReplyId, effects);
      case 'close':
      case 'snooze': {
        if (conv.mergedIntoId) throw new RuleFailure('the conversation was merged into another');
        const until =
          action.type === 'snooze' ? new Date(Date.now() + action.minutes * 60_000) : null;
        const to = action.type === 'close' ? 'closed' : 'snoozed';
        if (conv.status === to && to === 'closed') return unchanged(action.type, null);
        await this.repo.setStatus(em, conv.id, to, until);
        record({
          type: 'status_changed',
          from: conv.status,
          to,
          by,
          ...(until ? { snoozedUntil: until.toISOString() } : {}),
        });
        conv.status = to;
        return done(action.type, until ? until.toISOString() : null);
      }
      case 'notify': {
        const direct = await this.repo.activeOperators(em, conv.accountId, action.operatorIds);
        const ids = new Set(direct.map((o) => o.id));
        for (const teamId of action.teamIds)
          for (const id of await this.inboxAccess.teamMembersWhoMayWork(em, teamId, conv.inboxId))
            ids.add(id);
        for (const id of ids) effects.notify.set(id, 'rule');
        effects.notifyDetail = { rule: by.name, ...(action.text ? { text: action.text } : {}) };
        return ids.size
          ? done(action.type, direct.map((o) => o.name).join(', ') || `${ids.size}`)
          : unchanged(action.type, null);
      }
      case 'set_priority':
      case 'assign_round_robin':
      case 'call_webhook':
        return this.external.run(em, ctx, by, action);
    }
  }

  /** The notifications the actions asked for, as stream events (the summary is the final one). */
  notifyEvents(
    em: EntityManager,
    ctx: RuleContext,
    effects: ActionEffects,
    summary: Parameters<NotificationsService['create']>[4],
  ) {
    const byType = new Map<'assigned' | 'rule', string[]>();
    for (const [id, type] of effects.notify) byType.set(type, [...(byType.get(type) ?? []), id]);
    return Promise.all(
      [...byType].map(([type, ids]) =>
        this.notifications.create(
          em,
          ctx.conversation.accountId,
          ids,
          type,
          summary,
          type === 'rule' ? (effects.notifyDetail ?? null) : null,
        ),
      ),
    ).then((lists) => lists.flat());
  }

  /** Writes the activities into the timeline; returns their messages in order. */
  async writeActivities(em: EntityManager, ctx: RuleContext, activities: Activity[]) {
    const conv = {
      id: ctx.conversation.id,
      accountId: ctx.conversation.accountId,
      inboxId: ctx.conversation.inboxId,
    };
    const written = [];
    for (const activity of activities)
      written.push(await this.messages.insertActivity(em, conv, activity));
    return written;
  }
}
