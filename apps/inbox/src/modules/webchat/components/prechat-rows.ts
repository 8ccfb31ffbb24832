import type { PreChatFieldDto } from '@switchboard/contracts';

/** One question as the pre-chat editor holds it (the key is only typed for "other" answers). */
export type PreChatRow = PreChatFieldDto;

/** The inbox's saved questions, read defensively from its public settings. */
export function rowsOfSettings(settings: Record<string, unknown>): PreChatRow[] {
  const raw = settings['preChatFields'];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((f: unknown) => {
    if (!f || typeof f !== 'object') return [];
    const { key, label, type, required } = f as Record<string, unknown>;
    if (typeof key !== 'string' || typeof label !== 'string') return [];
    if (type !== 'name' && type !== 'email' && type !== 'text') return [];
    return [{ key, label, type, required: required === true }];
  });
}

/** Name and email answers land on the card itself: their keys are fixed. */
export function withType(row: PreChatRow, type: PreChatRow['type']): PreChatRow {
  if (type === 'text') return { ...row, type, key: row.type === 'text' ? row.key : '' };
  return { ...row, type, key: type };
}

/** A new question: the first of name, email, other that the form does not ask yet. */
export function nextRow(rows: readonly PreChatRow[]): PreChatRow {
  const has = (type: PreChatRow['type']) => rows.some((r) => r.type === type);
  if (!has('name')) return { type: 'name', key: 'name', label: '', required: true };
  if (!has('email')) return { type: 'email', key: 'email', label: '', required: true };
  return { type: 'text', key: '', label: '', required: false };
}
