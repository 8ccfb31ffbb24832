import { tagKey } from '@switchboard/contracts';

/** What the search box shows for these filters: the `#tags` first, then the text. */
export function searchText(q: string | null, tags: readonly string[]): string {
  return [...tags.map((tag) => `#${tag}`), q ?? ''].filter(Boolean).join(' ');
}

/** The filters after clicking a tag chip: that tag added to the search, once. */
export function withTag(tags: readonly string[], tag: string): string[] {
  return tags.some((t) => tagKey(t) === tagKey(tag)) ? [...tags] : [...tags, tag];
}
