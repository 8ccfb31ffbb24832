/** Someone who can be @mentioned. */
export interface Mentionable {
  id: string;
  name: string;
}

/**
 * Type-ahead on name: operators whose name, or a word of it, starts with the query
 * (case-insensitively, in any script); whole-name matches first, then by name.
 */
export function matchOperators<T extends Mentionable>(operators: readonly T[], query: string): T[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return [...operators];
  const scored = operators.flatMap((op) => {
    const name = op.name.toLocaleLowerCase();
    if (name.startsWith(q)) return [{ op, rank: 0 }];
    if (name.split(/\s+/).some((word) => word.startsWith(q))) return [{ op, rank: 1 }];
    return [];
  });
  return scored
    .sort((a, b) => a.rank - b.rank || a.op.name.localeCompare(b.op.name))
    .map((s) => s.op);
}
