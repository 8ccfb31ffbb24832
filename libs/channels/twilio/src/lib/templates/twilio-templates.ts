import type { MessageTemplate } from '@switchboard/channels-core';

/** The parts of a Content API resource (ContentAndApprovals) a template needs. */
export interface TwilioContent {
  sid: string;
  friendlyName?: string | null;
  language?: string | null;
  variables?: Record<string, unknown> | null;
  types?: Record<string, unknown> | null;
  approvalRequests?: Record<string, unknown> | null;
}

/**
 * A Content API template as the composer offers it. WhatsApp sends only what WhatsApp approved;
 * SMS has no approval, so every template is sendable there.
 */
export function toMessageTemplate(content: TwilioContent, whatsapp: boolean): MessageTemplate {
  const body = bodyOf(content.types);
  return {
    id: content.sid,
    name: content.friendlyName?.trim() || content.sid,
    language: content.language?.trim() || 'und',
    body,
    variables: variableNames(content.variables, body),
    approval: whatsapp ? approvalOf(content.approvalRequests) : 'approved',
  };
}

/** `twilio/text`'s body, else the first content type that has one (media, quick-reply, card…). */
export function bodyOf(types: Record<string, unknown> | null | undefined): string {
  if (!types) return '';
  const text = stringField(types['twilio/text'], 'body');
  if (text !== null) return text;
  for (const type of Object.values(types)) {
    const body = stringField(type, 'body') ?? stringField(type, 'title');
    if (body !== null) return body;
  }
  return '';
}

/** The declared variables and every `{{name}}` in the body, numbers in numeric order first. */
export function variableNames(
  declared: Record<string, unknown> | null | undefined,
  body: string,
): string[] {
  const names = new Set(Object.keys(declared ?? {}));
  for (const name of placeholders(body)) names.add(name);
  return [...names].sort(compareVariableNames);
}

function compareVariableNames(a: string, b: string): number {
  const numeric = (s: string) => /^[0-9]{1,9}$/.test(s);
  if (numeric(a) && numeric(b)) return Number(a) - Number(b);
  if (numeric(a) !== numeric(b)) return numeric(a) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Names inside `{{…}}`, scanned linearly (no regular expression over the template text). */
export function placeholders(body: string): string[] {
  const found: string[] = [];
  let from = 0;
  for (;;) {
    const open = body.indexOf('{{', from);
    if (open === -1) return found;
    const close = body.indexOf('}}', open + 2);
    if (close === -1) return found;
    const name = body.slice(open + 2, close).trim();
    if (name && name.length <= 64 && !name.includes('{')) found.push(name);
    from = close + 2;
  }
}

/**
 * WhatsApp's verdict. ContentAndApprovals puts it in `approval_requests.status`; the approval
 * fetch endpoint nests it under `whatsapp`; both are read.
 */
export function approvalOf(
  requests: Record<string, unknown> | null | undefined,
): MessageTemplate['approval'] {
  const status = (
    stringField(requests, 'status') ??
    stringField(requests?.['whatsapp'], 'status') ??
    ''
  ).toLowerCase();
  switch (status) {
    case 'approved':
      return 'approved';
    case 'pending':
    case 'received':
    case 'in_appeal':
    case 'submitted':
      return 'pending';
    case 'rejected':
    case 'paused':
    case 'disabled':
      return 'rejected';
    default:
      return 'unsubmitted';
  }
}

function stringField(value: unknown, field: string): string | null {
  if (!value || typeof value !== 'object') return null;
  const v = (value as Record<string, unknown>)[field];
  return typeof v === 'string' ? v : null;
}
