import type { SavedViewQuery } from '@switchboard/contracts';
import { DEFAULT_FILTERS, type FeedFilters } from '../../feed/store/feed-filters';

/**
 * A saved view stores the feed's API query; the feed store keeps the same filters under the same
 * names, except the lists below (the API's repeated `tag=` and `attr=`) and empty values (null,
 * '', []), which the API leaves out. Converting field by field keeps filters the feed learns
 * later saveable unchanged, as long as they keep the API's name (or are added here).
 */
const QUERY_NAME_OF: Readonly<Record<string, string>> = { tags: 'tag', attrs: 'attr' };
const FILTER_NAME_OF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(QUERY_NAME_OF).map(([filter, query]) => [query, filter]),
);

type FilterRecord = Record<string, unknown>;

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** The query a view saves for the feed's current filters. */
export function viewQueryFromFilters(filters: FeedFilters): SavedViewQuery {
  const query: FilterRecord = {};
  for (const [key, value] of Object.entries(filters as unknown as FilterRecord))
    if (!isEmpty(value))
      query[QUERY_NAME_OF[key] ?? key] = Array.isArray(value) ? [...value] : value;
  return query as SavedViewQuery;
}

/**
 * The feed filters that show a view: every filter the view does not name is reset (the feed
 * store merges a patch, so each one is named, the lists as empty lists).
 */
export function filtersFromViewQuery(query: SavedViewQuery): FeedFilters {
  const filters: FilterRecord = { ...DEFAULT_FILTERS };
  for (const list of Object.keys(QUERY_NAME_OF)) filters[list] = [];
  for (const [key, value] of Object.entries(query as FilterRecord)) {
    const name = FILTER_NAME_OF[key] ?? key;
    if (!(name in filters) || isEmpty(value)) continue;
    filters[name] = Array.isArray(value) ? [...value] : value;
  }
  return filters as unknown as FeedFilters;
}

/** One spelling per meaning: keys sorted, tags without `#` and case, defaults filled. */
function canonical(query: SavedViewQuery): string {
  const round = viewQueryFromFilters(filtersFromViewQuery(query)) as FilterRecord;
  const tags = round['tag'];
  if (Array.isArray(tags))
    round['tag'] = tags.map((t: string) => t.replace(/^#+/, '').trim().toLowerCase()).sort();
  const attrs = round['attr'];
  if (Array.isArray(attrs)) round['attr'] = [...(attrs as string[])].sort();
  return JSON.stringify(
    Object.keys(round)
      .sort()
      .map((key) => [key, round[key]]),
  );
}

/** Whether the feed shows exactly this view now (its button is pressed). */
export function filtersShowView(filters: FeedFilters, query: SavedViewQuery): boolean {
  return canonical(viewQueryFromFilters(filters)) === canonical(query);
}
