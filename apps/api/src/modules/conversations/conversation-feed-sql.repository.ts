import {
  checkTagName,
  parseSearchQuery,
  tagKey,
  type CountConversationsQuery,
} from '@switchboard/contracts';
import type { ConversationViewer } from '../access/conversation-viewer';
import { inboxAccessFilter } from '../access/inbox-access.repository';
import { attributeFeedClauses } from '../contact-attributes/attribute-feed-filter.repository';
import { priorityFilterClause } from '../priority/priority-feed-sql.repository';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ConversationEntity } from './entities/conversation.entity';
import {
  textSearchClause,
  textSearchSql,
  type TextSearchSql,
} from '../search/search-sql.repository';

// The feed's SQL, shared by the conversation repository's reads: the feed row's columns and the
// feed's filters as WHERE clauses.

/**
 * Whether the customer's newest message was sent by a machine: one probe of the timeline index per
 * row. Read, not kept on the conversation: the ingest fast path (a SQL function) never stores
 * automated mail, so a column would need it to reset the flag.
 */
const AUTOMATED_SQL = `(SELECT m.automated FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'incoming' ORDER BY m.created_at DESC, m.id DESC LIMIT 1)`;

/**
 * A due snooze's place in the feed: the moment it came back (or a later activity), the key of the
 * partial index `conversations_due_snooze_feed_idx`.
 */
export const DUE_SNOOZE_ACTIVITY_SQL = `GREATEST(c.last_activity_at, c.snoozed_until)`;

/**
 * A snooze whose time has come is open from that instant, before the sweeper (modules/snooze)
 * writes it: 100,000 due in one second take it tens of seconds to write, and the feed, the counts
 * and every summary must not wait for that. Its place in the feed is DUE_SNOOZE_ACTIVITY_SQL, the
 * same `last_activity_at` the sweeper then stores, so the write moves nothing.
 *
 * Written on that key rather than on `snoozed_until` (the same rows: every `last_activity_at` is
 * some started transaction's now()), so that whatever the statistics say (a storm's due times
 * moved since the last ANALYZE), the only index a due page can range over is the one that walks
 * it in the feed's order; on `conversations_snooze_due_idx` it sorted 100,000 rows a look.
 */
export const DUE_SNOOZE_SQL = `(c.status = 'snoozed' AND ${DUE_SNOOZE_ACTIVITY_SQL} <= now())`;

/**
 * Milliseconds until the next counted snooze falls due (null: none), for the inbox to look again
 * then: at that instant the snooze is open (DUE_SNOOZE_SQL), whenever the sweeper writes it.
 */
export const NEXT_DUE_IN_MS_SQL = `extract(epoch FROM min(${DUE_SNOOZE_ACTIVITY_SQL}) FILTER (WHERE c.status = 'snoozed' AND ${DUE_SNOOZE_ACTIVITY_SQL} > now()) - now()) * 1000`;

/** `last_activity_at` as the feed orders by it (DUE_SNOOZE_ACTIVITY_SQL for a due snooze). */
export const FEED_ACTIVITY_SQL = `(CASE WHEN ${DUE_SNOOZE_SQL} THEN ${DUE_SNOOZE_ACTIVITY_SQL} ELSE c.last_activity_at END)`;

/** The feed row's columns; one definition serves lists, details and stream events. */
export function conversationSummaryQuery(
  em: EntityManager,
): SelectQueryBuilder<ConversationEntity> {
  return em
    .createQueryBuilder(ConversationEntity, 'c')
    .innerJoin('c.inbox', 'i')
    .innerJoin('c.contact', 'ct')
    .innerJoin('c.identity', 'ci')
    .select([
      'c.id AS id',
      'c.number AS number',
      'c.inbox_id AS inbox_id',
      'i.kind AS channel',
      `CASE WHEN ${DUE_SNOOZE_SQL} THEN 'open' ELSE c.status END AS status`,
      `CASE WHEN ${DUE_SNOOZE_SQL} THEN NULL ELSE c.snoozed_until END AS snoozed_until`,
      'c.assignee_id AS assignee_id',
      'c.assignee_team_id AS assignee_team_id',
      'c.subject AS subject',
      'c.contact_id AS contact_id',
      'ct.name AS contact_name',
      `COALESCE(ct.email, ct.phone, '@' || ci.username, ci.display_name, ci.external_id) AS contact_handle`,
      'ci.unreachable_reason AS unreachable_reason',
      `c.last_incoming_at + make_interval(hours => i.reply_window_hours) AS reply_window_closes_at`,
      `${FEED_ACTIVITY_SQL} AS last_activity_at`,
      'c.last_message_preview AS last_message_preview',
      'c.last_message_direction AS last_message_direction',
      'c.unread_count AS unread_count',
      'c.created_at AS created_at',
      // The same function builds the summary of the ingest fast path (see its migration).
      'sb_conversation_tags(c.id) AS tags',
      'c.priority AS priority',
      // The nearest SLA target that has not been met (modules/sla); the fast path uses it too.
      'sb_conversation_sla(c.id) AS sla',
      `${AUTOMATED_SQL} AS automated`,
    ]);
}

/**
 * Feed filters as the repository applies them; `operatorId` resolves "mine", and with `role`
 * limits the feed to the inboxes the operator may work.
 */
export interface FeedFilter extends CountConversationsQuery {
  accountId: string;
  operatorId: string;
  role: ConversationViewer['role'];
}

/**
 * The feed's optional filters as WHERE clauses over `c` (conversations), `i` (inboxes) and `ct`
 * (contacts), their parameters, and a `shape` naming which are present (the SQL's cache key).
 */
export function feedFilters(f: FeedFilter): {
  clauses: string[];
  params: Record<string, unknown>;
  shape: string;
  /** The search's words: one of `clauses`, and their SQL for a feed page (see listFeedPage). */
  textSearch: { clause: string; sql: TextSearchSql } | null;
  /** The tag filter: one of `clauses`, and the ids it selects (for a feed page: taggedPage). */
  tags: { clause: string; ids: string } | null;
} {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  // Inbox access first: every list, count and search of the feed sees only the viewer's inboxes.
  const access = inboxAccessFilter(
    { id: f.operatorId, accountId: f.accountId, role: f.role },
    'c.inbox_id',
  );
  if (access.clause) {
    clauses.push(access.clause);
    Object.assign(params, access.params);
  }
  if (f.assignee === 'mine') {
    clauses.push('c.assignee_id = :operatorId');
    params['operatorId'] = f.operatorId;
  } else if (f.assignee === 'team') {
    clauses.push(
      'c.assignee_team_id IN (SELECT tm.team_id FROM team_members tm WHERE tm.operator_id = :operatorId)',
    );
    params['operatorId'] = f.operatorId;
  } else if (f.assignee === 'unassigned') clauses.push('c.assignee_id IS NULL');
  if (f.assigneeId) {
    clauses.push('c.assignee_id = :assigneeId');
    params['assigneeId'] = f.assigneeId;
  }
  if (f.from) {
    clauses.push('c.last_activity_at >= :activityFrom::timestamptz');
    params['activityFrom'] = f.from;
  }
  if (f.to) {
    clauses.push('c.last_activity_at < :activityTo::timestamptz');
    params['activityTo'] = f.to;
  }
  // The search box (validated by the query schema, so it parses): `#tag` joins the tag filter,
  // `#1042` names conversations, words and phrases match text (modules/search).
  const parsed = f.q ? parseSearchQuery(f.q) : null;
  const search = parsed?.ok ? parsed.query : null;
  if (f.inboxId) {
    clauses.push('c.inbox_id = :inboxId');
    params['inboxId'] = f.inboxId;
  }
  if (f.channel) {
    clauses.push('i.kind = :channel');
    params['channel'] = f.channel;
  }
  // Tag names as they are stored (trimmed, without `#`); an empty one asks for nothing.
  const tagNames = [...(f.tag ?? []), ...(search?.tags ?? [])]
    .map((t) => checkTagName(t))
    .flatMap((c) => (c.ok ? [c.name] : []));
  const keys = [...new Set(tagNames.map(tagKey))];
  let tags: { clause: string; ids: string } | null = null;
  if (keys.length > 0) {
    // Conversations carrying every tag asked for: one link per distinct tag key, counted.
    const ids = `SELECT x.conversation_id AS id FROM conversation_tags x JOIN tags t ON t.id = x.tag_id WHERE t.account_id = :accountId AND t.name_key = ANY(:tagKeys) GROUP BY x.conversation_id HAVING count(*) = :tagCount`;
    tags = { clause: `c.id IN (${ids})`, ids };
    clauses.push(tags.clause);
    params['tagKeys'] = keys;
    params['tagCount'] = keys.length;
  }
  if (search && search.numbers.length > 0) {
    clauses.push('c.number = ANY(:searchNumbers)');
    params['searchNumbers'] = search.numbers;
  }
  const text = search ? textSearchSql(search) : null;
  let textSearch: { clause: string; sql: TextSearchSql } | null = null;
  if (text) {
    textSearch = { clause: textSearchClause(text), sql: text };
    clauses.push(textSearch.clause);
    Object.assign(params, text.params);
  }
  // Priorities (`priority=urgent`): modules/priority.
  const priority = priorityFilterClause(f.priority);
  if (priority) {
    clauses.push(priority.clause);
    Object.assign(params, priority.params);
  }
  if (f.automated) clauses.push(`${AUTOMATED_SQL} IS ${f.automated === 'only' ? '' : 'NOT '}TRUE`);
  // Custom contact attributes (`attr=plan:gold`): clause builder in modules/contact-attributes.
  const attrs = attributeFeedClauses(f.attr);
  clauses.push(...attrs.clauses);
  Object.assign(params, attrs.params);
  return { clauses, params, shape: clauses.join(' AND '), textSearch, tags };
}
