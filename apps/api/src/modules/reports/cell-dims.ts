import type { ReportQuery } from '@switchboard/contracts';

/**
 * What the rollup cells are kept for. Every fact counts once in each of 12 cells: all (`none`),
 * each of its four columns, each pair of them (`inbox+operator`, value `<inbox>|<operator>`), and
 * the triple `inbox+team+operator`; and, for each of its conversation's current tags, in 5 more:
 * the tag alone, the tag with each of inbox, team and operator (`tag+inbox`, value
 * `<tag>|<inbox>`), and the tag with all three. An inbox has one channel, so a report naming channel with other columns reads
 * the inboxes' cells and maps each inbox to its channel.
 */
export const CELL_COLUMNS = ['channel', 'inbox', 'team', 'operator'] as const;
export type CellColumn = (typeof CELL_COLUMNS)[number];

export const PAIRS = CELL_COLUMNS.flatMap((a, i) =>
  CELL_COLUMNS.slice(i + 1).map((b) => [a, b] as const),
);

/** The one triple kept: with channel folded into inbox, it answers any three or four columns. */
export const TRIPLE = ['inbox', 'team', 'operator'] as const;

/** The columns a tag is paired with (a channel goes through its inboxes). */
export const TAG_PAIRED = ['inbox', 'team', 'operator'] as const;

/** A tag with inbox, team and operator: answers a tag with two or three columns. */
export const TAG_QUAD = `tag+${TAG_PAIRED.join('+')}`;

/** The tag dimensions: cells a fact counts in once per current tag of its conversation. */
export const TAG_DIMS: readonly string[] = ['tag', ...TAG_PAIRED.map((c) => `tag+${c}`), TAG_QUAD];

/** Every cell dimension: 'none', a column, or columns joined by '+' in CELL_COLUMNS order. */
export const CELL_DIMS: readonly string[] = [
  'none',
  ...CELL_COLUMNS,
  ...PAIRS.map(([a, b]) => `${a}+${b}`),
  TRIPLE.join('+'),
  ...TAG_DIMS,
];

/** Which cells answer a report: their dimension, the values kept of each part, the group's part. */
export interface CellPlan {
  dim: string;
  /** Per part of the value (one per column of the dimension): the values kept, or all. */
  parts: Array<string[] | null>;
  /** The part that is the report's group key; null for an ungrouped report. */
  groupPart: number | null;
  /** Grouped by channel through the inbox part: each inbox's channel. */
  keyOf?: ReadonlyMap<string, string>;
  /**
   * Grouped by tag: the totals' own cells (a conversation with two tags counts once in them).
   * Otherwise the totals are the union of the groups' cells.
   */
  totals?: CellPlan;
  /**
   * Several tags at once: their cells count a conversation with two of them twice, so the excess
   * (ReportTagOverlapRepository) is taken away.
   */
  overlap?: string[];
}

/**
 * The cells that answer a report: every grouping and filter has them (several tags at once with
 * the overlap's excess taken away). `inboxChannels`
 * is every inbox of the account (removed ones too) with its channel: a report naming channel
 * with the inbox, with a tag, or with two other columns, reads inbox cells instead.
 */
export function cellPlan(q: ReportQuery, inboxChannels: ReadonlyMap<string, string>): CellPlan {
  const tagged = q.groupBy === 'tag' || q.tagId !== undefined;
  const named = new Map<CellColumn, string[] | null>();
  if (q.groupBy !== 'none' && q.groupBy !== 'tag') named.set(q.groupBy, null);
  const filters: Record<CellColumn, string[] | undefined> = {
    channel: q.channel,
    inbox: q.inboxId,
    team: q.teamId,
    operator: q.operatorId,
  };
  for (const c of CELL_COLUMNS) if (filters[c]) named.set(c, filters[c] ?? null);
  let keyOf: ReadonlyMap<string, string> | undefined;
  if (named.has('channel') && (named.has('inbox') || named.size > 2 || tagged)) {
    const channels = named.get('channel');
    named.delete('channel');
    const inboxes = named.get('inbox') ?? null;
    named.set(
      'inbox',
      channels
        ? [...inboxChannels]
            .filter(
              ([id, channel]) => channels.includes(channel) && (!inboxes || inboxes.includes(id)),
            )
            .map(([id]) => id)
        : inboxes,
    );
    if (q.groupBy === 'channel') keyOf = inboxChannels;
  }
  const columns = CELL_COLUMNS.filter((c) => named.has(c));
  const group: CellColumn | 'tag' | null =
    q.groupBy === 'none' ? null : keyOf ? 'inbox' : q.groupBy;
  const keyed = keyOf ? { keyOf } : {};
  if (!tagged) {
    return {
      dim: columns.length === 0 ? 'none' : columns.join('+'),
      parts: columns.map((c) => named.get(c) ?? null),
      groupPart: group === null ? null : columns.indexOf(group as CellColumn),
      ...keyed,
    };
  }
  // A tag with two or three columns reads the tag's quad cells, summed over the parts not named.
  const quad = columns.length > 1;
  const paired: readonly CellColumn[] = quad ? TAG_PAIRED : columns;
  const plan: CellPlan = {
    dim: quad ? TAG_QUAD : columns[0] ? `tag+${columns[0]}` : 'tag',
    parts: [q.tagId ?? null, ...paired.map((c) => named.get(c) ?? null)],
    groupPart:
      group === null ? null : group === 'tag' ? 0 : 1 + paired.indexOf(group as CellColumn),
    ...keyed,
  };
  // Grouped by tag, each group is one tag: only the totals are a union of several.
  if (q.groupBy !== 'tag')
    return q.tagId && q.tagId.length > 1 ? { ...plan, overlap: q.tagId } : plan;
  return { ...plan, totals: cellPlan({ ...q, groupBy: 'none', tagId: q.tagId }, inboxChannels) };
}

/** The cell tables' CHECK on `dim`. */
export const CELL_DIM_CHECK = `dim IN (${CELL_DIMS.map((d) => `'${d}'`).join(', ')})`;
