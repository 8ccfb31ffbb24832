import type { TeamMemberDto } from '@switchboard/contracts';

/** Lower case without accents, so "zoe" finds "Zoë" and "ANNA" finds "Anna". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * The picker's type-ahead: active operators whose name or email contains what was typed, those
 * whose name starts with it first, then by name. An empty query lists everyone active.
 */
export function matchOperators(members: readonly TeamMemberDto[], query: string): TeamMemberDto[] {
  const q = fold(query.trim());
  const active = members.filter((m) => m.active);
  if (!q) return [...active].sort((a, b) => a.name.localeCompare(b.name));
  const scored = active.flatMap((m) => {
    const name = fold(m.name);
    const words = name.split(/\s+/);
    if (name.startsWith(q)) return [{ m, rank: 0 }];
    if (words.some((w) => w.startsWith(q))) return [{ m, rank: 1 }];
    if (name.includes(q) || fold(m.email).includes(q)) return [{ m, rank: 2 }];
    return [];
  });
  return scored.sort((a, b) => a.rank - b.rank || a.m.name.localeCompare(b.m.name)).map((s) => s.m);
}
