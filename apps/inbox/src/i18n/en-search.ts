/**
 * English strings of search over all history: the "All" status, the date range, the matching
 * message in a result and the search box's own errors. en.ts spreads these in.
 */
export const enSearch = {
  'feed.tab.all': 'All',
  'feed.empty.all.title': 'Nothing found',
  'feed.empty.all.body':
    'No conversation of any status matches. Try another form of the word, fewer words, or wider dates.',
  'search.dates.label': 'Last activity between',
  'search.dates.from': 'From',
  'search.dates.to': 'To',
  'search.dates.clear': 'Any date',
  'search.match.label': 'Matching message from {time}',
  'search.error': 'Search could not run: {message}',
  'search.invalid.unbalanced_quote': 'Unbalanced quote: a phrase opened with " is never closed',
  'search.invalid.too_many_words': 'Too many words: a search holds at most {max}',
  'search.invalid.too_many_phrases': 'Too many phrases: a search holds at most {max}',
  'search.hint': 'Words in any language, "exact phrase", #1042, #tag',
} as const;
