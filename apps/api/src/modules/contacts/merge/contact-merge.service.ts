import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ContactMergeDto,
  ContactMergePicks,
  MergeContactRequest,
} from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import { EventLogService } from '../../../core/events/event-log.service';
import { AppException, notFound } from '../../../core/http/app.exception';
import { AuditLogService } from '../../audit/audit-log.service';
import type { ContactMergeSnapshot } from './contact-merge-snapshot';
import { ContactMergeEvents } from './contact-merge-events';
import { fieldValuesOf, toContactMergeDto, undoDeadline } from './contact-merge.mapper';
import { ContactMergeRepository, type MergeContactRow } from './contact-merge.repository';
import { mergeFields, unmergeFields } from './merge-fields';

/**
 * Merging two contacts into one card, and undoing it. A merge is one transaction: the other
 * contact's identities, conversations (with their customer messages) and tasks move to the
 * survivor, the card's values are merged per the operator's picks, the other contact is retired
 * (kept for undo, hidden from lists), and a `contact_merges` row keeps the snapshot that undo
 * needs, with an audit entry and a timeline activity in every moved conversation.
 *
 * Undo (admins, within 30 days) moves back exactly what moved. Conversations opened since on an
 * identity that goes back go back with it; those opened on the survivor's own identities stay.
 * A value an operator edited on the survivor after the merge is kept.
 */
@Injectable()
export class ContactMergeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: ContactMergeRepository,
    private readonly events: EventLogService,
    private readonly timeline: ContactMergeEvents,
    private readonly audit: AuditLogService,
  ) {}

  merge(
    op: AuthenticatedOperator,
    ip: string,
    survivorId: string,
    body: MergeContactRequest,
  ): Promise<ContactMergeDto> {
    const otherId = body.otherId;
    if (otherId === survivorId)
      throw new AppException('INVALID_CONTACT_MERGE', 'A contact cannot be merged into itself');
    if (body.confirm !== true)
      throw new AppException(
        'INVALID_CONTACT_MERGE',
        'confirm: must be true, after the operator saw the merge preview',
      );
    const picks: ContactMergePicks = body.picks ?? {};
    return this.ds.transaction(async (em) => {
      const ids = [survivorId, otherId];
      // Foreign or unknown ids first, before anything is locked.
      if ((await this.repo.findContacts(op, ids, em)).length < 2) throw notFound('Contact');
      await this.repo.lockIdentitiesOf(em, ids);
      const locked = await this.repo.lockContacts(em, op.accountId, ids);
      const survivor = pick(locked, survivorId);
      const other = pick(locked, otherId);
      refuseRetired(survivor, other);
      // Tasks before conversations: the tasks module locks a task, then its conversations.
      const taskIds = await this.repo.moveTasks(em, other.id, survivor.id);
      const lockedConversations = await this.repo.lockConversationsOf(em, ids);

      const identityIds = await this.repo.moveIdentities(em, other.id, survivor.id);
      const conversationIds = await this.repo.moveConversations(em, other.id, survivor.id);
      const messageIds = await this.repo.moveMessageSenders(
        em,
        conversationIds,
        other.id,
        survivor.id,
      );
      const survivorBefore = fieldValuesOf(survivor);
      const otherBefore = fieldValuesOf(other);
      const { result } = mergeFields(survivorBefore, otherBefore, picks);
      await this.repo.writeFields(em, survivor.id, result);
      await this.repo.setMergedInto(em, other.id, survivor.id);

      const snapshot: ContactMergeSnapshot = {
        version: 1,
        picks,
        survivorBefore,
        otherBefore,
        survivorAfter: result,
        identityIds,
        conversationIds,
        messageIds,
        taskIds,
      };
      const mergeId = await this.repo.insertMerge(em, {
        accountId: op.accountId,
        survivorId: survivor.id,
        otherId: other.id,
        mergedById: op.id,
        identityCount: identityIds.length,
        conversationCount: conversationIds.length,
        snapshot,
      });
      await this.audit.record(
        {
          accountId: op.accountId,
          action: 'contacts.merged',
          targetType: 'contact',
          targetId: survivor.id,
          targetLabel: result.name ?? result.email ?? result.phone,
          details: {
            mergeId,
            otherId: other.id,
            otherLabel: other.name ?? other.email ?? other.phone,
            identities: identityIds.length,
            conversations: conversationIds.length,
          },
        },
        { operator: op, ip },
        em,
      );
      const pending = await this.timeline.collect(
        em,
        op.accountId,
        conversationIds,
        lockedConversations,
        {
          type: 'contact_merged',
          by: { id: op.id, name: op.name },
          from: { id: other.id, name: other.name },
          into: { id: survivor.id, name: result.name },
        },
      );
      await this.events.append(em, op.accountId, pending);
      return toContactMergeDto(await this.repo.findMergeRow(em, mergeId), op);
    });
  }

  undo(op: AuthenticatedOperator, ip: string, mergeId: string): Promise<ContactMergeDto> {
    if (op.role !== 'admin')
      throw new AppException('FORBIDDEN', 'Only admins can undo a contact merge');
    return this.ds.transaction(async (em) => {
      const merge = await this.repo.lockMerge(em, op.accountId, mergeId);
      if (!merge) throw notFound('Contact merge');
      if (merge.undoneAt)
        throw new AppException('MERGE_UNDO_UNAVAILABLE', 'This merge was undone already');
      const deadline = undoDeadline(merge.createdAt);
      if (Date.now() >= deadline.getTime())
        throw new AppException(
          'MERGE_UNDO_UNAVAILABLE',
          `A merge can be undone for 30 days; this one could be until ${deadline.toISOString()}`,
        );
      const ids = [merge.survivorId, merge.otherId];
      await this.repo.lockIdentitiesOf(em, ids);
      const locked = await this.repo.lockContacts(em, op.accountId, ids);
      const survivor = pick(locked, merge.survivorId);
      const other = pick(locked, merge.otherId);
      if (survivor.mergedIntoId)
        throw new AppException(
          'MERGE_UNDO_UNAVAILABLE',
          'The surviving contact was merged into another one since: undo that merge first',
        );
      const snap = merge.snapshot;
      await this.repo.restoreTasks(em, snap.taskIds, survivor.id, other.id);
      const lockedConversations = await this.repo.lockConversationsOf(em, ids);

      await this.repo.restoreIdentities(em, snap.identityIds, survivor.id, other.id);
      const restored = await this.repo.restoreConversations(
        em,
        snap.conversationIds,
        snap.identityIds,
        survivor.id,
        other.id,
      );
      await this.repo.restoreMessageSenders(
        em,
        snap.messageIds,
        restored,
        merge.createdAt,
        survivor.id,
        other.id,
      );
      const survivorValues = unmergeFields(
        fieldValuesOf(survivor),
        snap.survivorBefore,
        snap.survivorAfter,
      );
      await this.repo.writeFields(em, survivor.id, survivorValues);
      await this.repo.writeFields(em, other.id, snap.otherBefore);
      await this.repo.setMergedInto(em, other.id, null);
      await this.repo.markUndone(em, merge.id, op.id);

      await this.audit.record(
        {
          accountId: op.accountId,
          action: 'contacts.unmerged',
          targetType: 'contact',
          targetId: survivor.id,
          targetLabel: survivorValues.name ?? survivorValues.email ?? survivorValues.phone,
          details: {
            mergeId: merge.id,
            otherId: other.id,
            otherLabel: snap.otherBefore.name ?? snap.otherBefore.email ?? snap.otherBefore.phone,
            conversations: restored.length,
          },
        },
        { operator: op, ip },
        em,
      );
      const pending = await this.timeline.collect(em, op.accountId, restored, lockedConversations, {
        type: 'contact_unmerged',
        by: { id: op.id, name: op.name },
        from: { id: other.id, name: snap.otherBefore.name },
        into: { id: survivor.id, name: survivorValues.name },
      });
      await this.events.append(em, op.accountId, pending);
      return toContactMergeDto(await this.repo.findMergeRow(em, merge.id), op);
    });
  }

  /** The merges the contact took part in (either side), newest first, for its card. */
  async list(op: AuthenticatedOperator, contactId: string): Promise<ContactMergeDto[]> {
    await this.requireContact(op, contactId);
    const rows = await this.repo.listMerges(op.accountId, contactId);
    return rows.map((r) => toContactMergeDto(r, op));
  }

  private async requireContact(
    op: AuthenticatedOperator,
    contactId: string,
    em?: EntityManager,
  ): Promise<MergeContactRow> {
    const [contact] = await this.repo.findContacts(op, [contactId], em);
    if (!contact) throw notFound('Contact');
    return contact;
  }
}

function pick(rows: MergeContactRow[], id: string): MergeContactRow {
  const row = rows.find((r) => r.id === id);
  if (!row) throw notFound('Contact');
  return row;
}

/** A retired contact takes part in no merge: its card lives on in the one it was merged into. */
function refuseRetired(survivor: MergeContactRow, other: MergeContactRow): void {
  for (const c of [survivor, other]) {
    if (c.mergedIntoId)
      throw new AppException(
        'CONTACT_ALREADY_MERGED',
        `Contact ${c.name ?? c.id} was merged into another contact already`,
        { contactId: c.id, mergedIntoId: c.mergedIntoId },
      );
  }
}
