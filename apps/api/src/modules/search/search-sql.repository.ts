import { hasSearchText, type ParsedSearchQuery } from '@switchboard/contracts';

// The feed's text search as SQL fragments. Every word reaches PostgreSQL as a bound parameter;
// the tsquery is built in SQL from functions that never fail on their input (see wordQuery).

/** Text search configurations whose stems the index holds; `simple` keeps every word as written. */
export const SEARCH_CONFIGS = ['russian', 'arabic'] as const;

/** Words this short match whole; longer ones also by prefix (a short prefix would match most of the index). */
export const MIN_PREFIX_LENGTH = 3;

/**
 * How many of the newest conversations (after the filters) a page walks, asking each whether it
 * holds the words, before it looks the words up in the index instead: 10–1 000 µs a
 * conversation (more for a frequent word, which fills the page within a few).
 */
export const SEARCH_WALK = 3000;

/**
 * How a page finds messages, by how many messages PostgreSQL expects to hold the words
 * (SearchPlanRepository): `common` walks and reads each conversation's few messages (the index
 * is slow to probe for a word in millions of messages); `walk` walks and probes the index;
 * `rare` goes straight to the index's few messages.
 */
export type SearchMode = 'common' | 'walk' | 'rare';

export interface TextSearchSql {
  /** Over `m` (messages): the message holds every word and phrase. Uses `messages_search_idx`. */
  message: string;
  /**
   * The same without prefix matches (a prefix probe collects every word it starts, table-wide):
   * what the walk asks each conversation.
   */
  messageExact: string;
  /** `messageExact` over an expression the index does not hold: reads the messages themselves. */
  messageRead: string;
  /** Over `ct2` (contacts): every typed term is part of the name, email or phone. */
  contact: string;
  /** Over `c` (conversations): every typed term is part of the subject. */
  subject: string;
  params: Record<string, unknown>;
}

/**
 * One word, in any script: the word itself or a longer word it starts (`поръчка` finds
 * `поръчката`), or any inflection where a configuration stems it (`счёт` finds `счета`). The word
 * holds only letters, marks and digits (parseSearchQuery), so `to_tsquery` sees no operator, and
 * `plainto_tsquery` accepts any text at all.
 */
function wordQuery(param: string, prefix: boolean): string {
  const stems = SEARCH_CONFIGS.map((c) => ` || plainto_tsquery('${c}', :${param})`).join('');
  return `(to_tsquery('simple', :${param}${prefix ? 'Simple' : ''})${stems})`;
}

/** A "quoted phrase": its words in that order, as written or stemmed. */
function phraseQuery(param: string): string {
  const configs = ['simple', ...SEARCH_CONFIGS];
  return `(${configs.map((c) => `phraseto_tsquery('${c}', :${param})`).join(' || ')})`;
}

/**
 * The search's words (prefixes too) and phrases as one tsquery over bound parameters, for any text
 * indexed through `sb_search_vector` (the knowledge base's articles); null without words.
 */
export function searchTsQuery(
  q: ParsedSearchQuery,
): { tsquery: string; params: Record<string, unknown> } | null {
  if (!hasSearchText(q)) return null;
  const params: Record<string, unknown> = {};
  const parts: string[] = [];
  q.words.forEach((word, i) => {
    params[`searchWord${i}`] = word;
    params[`searchWord${i}Simple`] = word.length >= MIN_PREFIX_LENGTH ? `${word}:*` : word;
    parts.push(wordQuery(`searchWord${i}`, true));
  });
  q.phrases.forEach((phrase, i) => {
    params[`searchPhrase${i}`] = phrase;
    parts.push(phraseQuery(`searchPhrase${i}`));
  });
  return { tsquery: `(${parts.join(' && ')})`, params };
}

/**
 * What a typed term is compared with on names, emails and phones: digits only when it looks like
 * a phone number (`+1 (415) 555-0123` parts, `555-0123`), so any formatting finds it.
 */
export function contactNeedle(term: string): string {
  let digits = '';
  let phoneLike = true;
  for (const ch of term) {
    if (ch >= '0' && ch <= '9') digits += ch;
    else if (!'+-(). '.includes(ch)) phoneLike = false;
  }
  return phoneLike && digits.length >= 3 ? digits : term;
}

/** `%term%` for LIKE, with LIKE's own wildcards and escape character taken literally. */
const likeContaining = (term: string) => `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** The contact's searchable text, exactly as `contacts_search_idx` (pg_trgm) indexes it. */
export const contactSearchText = (alias: string) =>
  `lower(COALESCE(${alias}.name, '') || ' ' || COALESCE(${alias}.email, '') || ' ' || COALESCE(${alias}.phone, ''))`;

/** The SQL of a search's words and phrases, or null when it has none (only numbers or tags). */
export function textSearchSql(q: ParsedSearchQuery): TextSearchSql | null {
  if (!hasSearchText(q)) return null;
  const params: Record<string, unknown> = {};
  const parts: string[] = [];
  const exact: string[] = [];
  q.words.forEach((word, i) => {
    params[`searchWord${i}`] = word;
    params[`searchWord${i}Simple`] = word.length >= MIN_PREFIX_LENGTH ? `${word}:*` : word;
    parts.push(wordQuery(`searchWord${i}`, true));
    exact.push(wordQuery(`searchWord${i}`, false));
  });
  q.phrases.forEach((phrase, i) => {
    params[`searchPhrase${i}`] = phrase;
    parts.push(phraseQuery(`searchPhrase${i}`));
    exact.push(phraseQuery(`searchPhrase${i}`));
  });
  const needles = q.terms.map((t, i) => {
    params[`searchTerm${i}`] = likeContaining(contactNeedle(t));
    return `lower(:searchTerm${i})`;
  });
  return {
    message: `m.text IS NOT NULL AND sb_search_vector(m.text) @@ (${parts.join(' && ')})`,
    messageExact: `m.text IS NOT NULL AND sb_search_vector(m.text) @@ (${exact.join(' && ')})`,
    messageRead: `m.text IS NOT NULL AND sb_search_vector(m.text || '') @@ (${exact.join(' && ')})`,
    contact: needles.map((n) => `${contactSearchText('ct2')} LIKE ${n}`).join(' AND '),
    subject: `c.subject IS NOT NULL AND ${needles.map((n) => `lower(c.subject) LIKE ${n}`).join(' AND ')}`,
    params,
  };
}

/**
 * Conversation `c` matches: a message of it holds the words, or its contact or subject holds the
 * terms. One predicate for counts and saved views: candidate ids from the indexes, then a join.
 */
export function textSearchClause(sql: TextSearchSql): string {
  return `c.id IN (SELECT m.conversation_id FROM messages m WHERE m.account_id = :accountId AND ${sql.message} UNION SELECT c.id FROM conversations c WHERE c.account_id = :accountId AND (c.contact_id IN (SELECT ct2.id FROM contacts ct2 WHERE ct2.account_id = :accountId AND ${sql.contact}) OR (${sql.subject})))`;
}

/**
 * Conversations `c`, joined to their inbox `i` and contact `ct` only when the filters name them:
 * a read per candidate conversation costs a third as much without them.
 */
function fromFor(where: string): string {
  const inbox = /\bi\./.test(where) ? ' INNER JOIN inboxes i ON i.id = c.inbox_id' : '';
  const contact = /\bct\./.test(where) ? ' INNER JOIN contacts ct ON ct.id = c.contact_id' : '';
  return `FROM conversations c${inbox}${contact}`;
}
const ORDER = 'ORDER BY c.last_activity_at DESC, c.id DESC';

/**
 * The newest `limit` conversations that pass `where` (over `c`, `i`, `ct`: filters and keyset)
 * and `probe` (over `w.id`), as the first part of a WITH query and the ids it contributes: walk
 * the newest SEARCH_WALK conversations and ask each (cheap when many match: the page fills at
 * once); only when that does not fill the page, read the `candidates` (SQL of conversation
 * `id`s; cheap when few match) one by one. Gated, so PostgreSQL skips it otherwise; the LIMIT 1
 * keeps the LATERAL a loop over the few candidates instead of a join over every conversation.
 * `probe` null: no walk, the candidates only.
 */
function walkThenLook(where: string, limit: number, probe: string | null, candidates: string) {
  const from = fromFor(where);
  const walked = probe
    ? `SELECT w.id FROM (SELECT c.id, c.last_activity_at ${from} WHERE ${where} ${ORDER} LIMIT ${SEARCH_WALK}) w WHERE ${probe} ORDER BY w.last_activity_at DESC, w.id DESC LIMIT ${limit}`
    : 'SELECT NULL::uuid AS id WHERE false';
  const found = `SELECT x.id FROM (${candidates}) x WHERE (SELECT count(*) FROM walked) < ${limit}`;
  const looked = `(SELECT c.id FROM found f CROSS JOIN LATERAL (SELECT c.id, c.last_activity_at ${from} WHERE c.id = f.id AND ${where} LIMIT 1) c ${ORDER} LIMIT ${limit})`;
  return {
    ctes: `walked AS MATERIALIZED (${walked}), found AS MATERIALIZED (${found})`,
    ids: `SELECT id FROM walked UNION ALL ${looked}`,
  };
}

/**
 * The conversations a feed page of a search may show, as a predicate over `c`: the newest
 * `limit` of each way of matching, all filters and the keyset applied (`where`). Messages: see
 * walkThenLook; `mode` says whether the walk reads messages, probes the index or is skipped.
 * Contacts and subjects: candidates from their pg_trgm indexes. The ARRAY makes the outer query
 * read the few ids by primary key. Every mode returns the same conversations.
 */
export function textSearchPage(
  sql: TextSearchSql,
  where: string,
  limit: number,
  mode: SearchMode,
): string {
  const page = (predicate: string) =>
    `(SELECT c.id ${fromFor(where)} WHERE ${where} AND ${predicate} ${ORDER} LIMIT ${limit})`;
  const probe = mode === 'common' ? sql.messageRead : sql.messageExact;
  const messages = walkThenLook(
    where,
    limit,
    mode === 'rare'
      ? null
      : `(SELECT true FROM messages m WHERE m.conversation_id = w.id AND ${probe} LIMIT 1)`,
    `SELECT DISTINCT m.conversation_id AS id FROM messages m WHERE ${sql.message}`,
  );
  return `c.id = ANY(ARRAY(WITH ${messages.ctes} ${messages.ids} UNION ALL ${page(
    `c.contact_id IN (SELECT ct2.id FROM contacts ct2 WHERE ct2.account_id = :accountId AND ${sql.contact})`,
  )} UNION ALL ${page(sql.subject)}))`;
}

/**
 * A feed page filtered by tags (`:tagKeys`, all `:tagCount` of them), as a predicate over `c`:
 * a common tag fills the page within the walk, a rare one is read from its few conversations.
 * `candidates` is the tag filter's own id list (feedFilters).
 */
export function taggedPage(where: string, limit: number, candidates: string): string {
  const tagged = walkThenLook(
    where,
    limit,
    `(SELECT count(*) FROM conversation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.conversation_id = w.id AND t.account_id = :accountId AND t.name_key = ANY(:tagKeys)) = :tagCount`,
    candidates,
  );
  return `c.id = ANY(ARRAY(WITH ${tagged.ctes} ${tagged.ids}))`;
}
