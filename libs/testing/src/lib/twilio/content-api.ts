import type { AccountState, StoredTemplate } from './account-state';
import { clampInt } from './api-resources';
import { iso8601 } from './twilio-dates';

/**
 * JSON of the Content API (https://content.twilio.com/v1): templates with their WhatsApp
 * approval. Its page links are absolute URLs on content.twilio.com, as Twilio writes them; the
 * client's origin-rewriting HTTP client brings the next-page request back to the fake.
 */
const CONTENT_ORIGIN = 'https://content.twilio.com';

function baseJson(account: AccountState, t: StoredTemplate): Record<string, unknown> {
  return {
    account_sid: account.sid,
    date_created: iso8601(t.createdAt),
    date_updated: iso8601(t.createdAt),
    friendly_name: t.friendlyName,
    language: t.language,
    sid: t.sid,
    types: { 'twilio/text': { body: t.body } },
    variables: t.variables,
  };
}

function whatsappApproval(t: StoredTemplate): Record<string, unknown> {
  return {
    allow_category_change: true,
    category: t.category,
    content_type: 'twilio/text',
    name: t.friendlyName,
    rejection_reason: t.rejectionReason,
    status: t.approval,
  };
}

export function contentJson(account: AccountState, t: StoredTemplate): Record<string, unknown> {
  const url = `${CONTENT_ORIGIN}/v1/Content/${t.sid}`;
  return {
    ...baseJson(account, t),
    url,
    links: {
      approval_create: `${url}/ApprovalRequests/whatsapp`,
      approval_fetch: `${url}/ApprovalRequests`,
    },
  };
}

export function approvalFetchJson(
  account: AccountState,
  t: StoredTemplate,
): Record<string, unknown> {
  return {
    account_sid: account.sid,
    sid: t.sid,
    url: `${CONTENT_ORIGIN}/v1/Content/${t.sid}/ApprovalRequests`,
    whatsapp: { type: 'whatsapp', ...whatsappApproval(t) },
  };
}

/** `GET /v1/ContentAndApprovals`: every template with its `approval_requests`. */
export function contentAndApprovalsPage(
  account: AccountState,
  query: URLSearchParams,
): Record<string, unknown> {
  const records = [...account.templates.values()].map((t) => ({
    ...baseJson(account, t),
    approval_requests: whatsappApproval(t),
  }));
  return contentPage('ContentAndApprovals', records, query);
}

/** `GET /v1/Content`: every template. */
export function contentsPage(
  account: AccountState,
  query: URLSearchParams,
): Record<string, unknown> {
  const records = [...account.templates.values()].map((t) => contentJson(account, t));
  return contentPage('Content', records, query);
}

function contentPage(
  resource: string,
  all: readonly Record<string, unknown>[],
  query: URLSearchParams,
): Record<string, unknown> {
  const pageSize = clampInt(query.get('PageSize'), 50, 1, 1000);
  const page = clampInt(query.get('Page'), 0, 0, Number.MAX_SAFE_INTEGER);
  const start = page * pageSize;
  const pageUrl = (n: number): string =>
    `${CONTENT_ORIGIN}/v1/${resource}?PageSize=${pageSize}&Page=${n}`;
  const hasNext = start + pageSize < all.length;
  return {
    contents: all.slice(start, start + pageSize),
    meta: {
      page,
      page_size: pageSize,
      first_page_url: pageUrl(0),
      previous_page_url: page > 0 ? pageUrl(page - 1) : null,
      url: pageUrl(page),
      next_page_url: hasNext ? `${pageUrl(page + 1)}&PageToken=PT${start + pageSize}` : null,
      key: 'contents',
    },
  };
}
