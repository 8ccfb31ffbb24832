import type {
  ContactMergeFieldDto,
  ContactMergePicks,
  ContactMergeSide,
} from '@switchboard/contracts';
import type { ContactFieldValues } from './contact-merge-snapshot';

type Value = string | number | boolean | null;

const SCALAR_FIELDS = ['name', 'email', 'phone'] as const;

/**
 * What the survivor's card holds after a merge, field by field: a value only one side has is
 * kept; where both have one and they differ, the pick decides (the survivor by default). Notes
 * may also keep both texts. Custom attributes are merged key by key the same way.
 */
export function mergeFields(
  survivor: ContactFieldValues,
  other: ContactFieldValues,
  picks: ContactMergePicks = {},
): { result: ContactFieldValues; fields: ContactMergeFieldDto[] } {
  const fields: ContactMergeFieldDto[] = [];
  const result: ContactFieldValues = { ...survivor, attributes: {} };

  for (const field of SCALAR_FIELDS) {
    const row = decide(field, survivor[field], other[field], picks[field]);
    fields.push(row);
    result[field] = row.result as string | null;
  }

  const notes = decideNotes(survivor.notes, other.notes, picks.notes);
  fields.push(notes);
  result.notes = notes.result as string | null;

  const keys = [
    ...new Set([...Object.keys(survivor.attributes), ...Object.keys(other.attributes)]),
  ].sort();
  for (const key of keys) {
    const row = decide(
      `attributes.${key}`,
      survivor.attributes[key] ?? null,
      other.attributes[key] ?? null,
      picks.attributes?.[key],
    );
    fields.push(row);
    if (row.result !== null) result.attributes[key] = row.result;
  }
  return { result, fields };
}

function decide(
  field: string,
  survivor: Value,
  other: Value,
  pick: ContactMergeSide | undefined,
): ContactMergeFieldDto {
  const conflict = hasValue(survivor) && hasValue(other) && survivor !== other;
  const winner: ContactMergeSide = !hasValue(survivor)
    ? hasValue(other)
      ? 'other'
      : 'survivor'
    : conflict && pick === 'other'
      ? 'other'
      : 'survivor';
  return {
    field,
    survivor,
    other,
    conflict,
    winner,
    result: winner === 'other' ? other : survivor,
  };
}

function decideNotes(
  survivor: string | null,
  other: string | null,
  pick: ContactMergeSide | 'both' | undefined,
): ContactMergeFieldDto {
  if (pick === 'both' && hasValue(survivor) && hasValue(other) && survivor !== other) {
    return {
      field: 'notes',
      survivor,
      other,
      conflict: true,
      winner: 'both',
      result: `${survivor}\n\n${other}`,
    };
  }
  return decide('notes', survivor, other, pick === 'both' ? undefined : pick);
}

function hasValue(v: Value): boolean {
  return v !== null && v !== '';
}

/**
 * The survivor's values after undoing a merge: each field (and attribute) the merge changed goes
 * back to what it was, unless someone edited it since, in which case their edit stays.
 */
export function unmergeFields(
  current: ContactFieldValues,
  before: ContactFieldValues,
  after: ContactFieldValues,
): ContactFieldValues {
  const restored: ContactFieldValues = { ...current, attributes: {} };
  for (const field of [...SCALAR_FIELDS, 'notes'] as const) {
    if (current[field] === after[field]) restored[field] = before[field];
  }
  const keys = new Set([
    ...Object.keys(current.attributes),
    ...Object.keys(before.attributes),
    ...Object.keys(after.attributes),
  ]);
  for (const key of keys) {
    const now = current.attributes[key];
    const value = now === after.attributes[key] ? before.attributes[key] : now;
    if (value !== undefined) restored.attributes[key] = value;
  }
  return restored;
}
