import type { ContactMergePicks } from '@switchboard/contracts';

/** The values of the card a merge may change, as they were. */
export interface ContactFieldValues {
  name: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  attributes: Record<string, string | number | boolean>;
}

/**
 * Everything a merge moved and replaced, stored on its `contact_merges` row so undo puts back
 * exactly that: the rows moved by id, and both cards' values before and the survivor's after.
 */
export interface ContactMergeSnapshot {
  version: 1;
  picks: ContactMergePicks;
  survivorBefore: ContactFieldValues;
  otherBefore: ContactFieldValues;
  /** What the survivor held right after the merge: undo restores a field only if it still does. */
  survivorAfter: ContactFieldValues;
  identityIds: string[];
  conversationIds: string[];
  /** Customer messages in the moved conversations whose sender was the other contact. */
  messageIds: string[];
  /** Tasks linked to the other contact. */
  taskIds: string[];
}
