import { CONTACT_MERGE_UNDO_DAYS, type ContactMergeDto } from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import type { ContactFieldValues } from './contact-merge-snapshot';
import type { MergeContactRow, MergeListRow } from './contact-merge.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a merge made at `mergedAt` can no longer be undone. */
export function undoDeadline(mergedAt: Date): Date {
  return new Date(mergedAt.getTime() + CONTACT_MERGE_UNDO_DAYS * DAY_MS);
}

export function toContactMergeDto(
  r: MergeListRow,
  viewer: Pick<AuthenticatedOperator, 'role'>,
  now: Date = new Date(),
): ContactMergeDto {
  const until = undoDeadline(r.created_at);
  return {
    id: r.id,
    survivor: { id: r.survivor_id, name: r.survivor_name },
    other: { id: r.other_id, name: r.other_name },
    mergedBy: r.merged_by_id ? { id: r.merged_by_id, name: r.merged_by_name ?? '' } : null,
    mergedAt: r.created_at.toISOString(),
    identityCount: r.identity_count,
    conversationCount: r.conversation_count,
    undoneAt: r.undone_at?.toISOString() ?? null,
    undoneBy: r.undone_by_id ? { id: r.undone_by_id, name: r.undone_by_name ?? '' } : null,
    undoableUntil: until.toISOString(),
    canUndo:
      viewer.role === 'admin' &&
      r.undone_at === null &&
      r.survivor_merged_into_id === null &&
      now.getTime() < until.getTime(),
  };
}

/** The card values of a contact row, as the merge compares and stores them. */
export function fieldValuesOf(c: MergeContactRow): ContactFieldValues {
  return {
    name: c.name,
    email: c.email,
    phone: c.phone,
    notes: c.notes,
    attributes: { ...c.attributes },
  };
}
