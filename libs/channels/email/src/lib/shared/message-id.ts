import { createHash } from 'node:crypto';

/**
 * Message-IDs are stored and compared in one form: `<local@domain>`, angle brackets included, no
 * whitespace. Every id we store (inbound and outbound) and every thread hint goes through here,
 * so the core's exact-match lookup works.
 */
// One bracketed token, then an '@' check in code: the classic `<[^>]+@[^>]+>` backtracks
// quadratically over a long run of '@' with no closing bracket (a crafted References header).
const BRACKETED = /<([^<>\s"]+)>/g;
const BARE = /^[^<>\s"]+$/;

export function normalizeMessageId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const ids = extractMessageIds(raw);
  if (ids.length > 0) return ids[0];
  // Some mailers omit the brackets; accept a bare local@domain.
  const bare = raw.trim();
  return BARE.test(bare) && hasInnerAt(bare) ? `<${bare}>` : null;
}

/** Every `<id>` in a header value (References lists many, separated by whitespace or commas). */
export function extractMessageIds(raw: string | string[] | null | undefined): string[] {
  if (!raw) return [];
  const values = Array.isArray(raw) ? raw : [raw];
  const out: string[] = [];
  for (const value of values) {
    for (const match of value.matchAll(BRACKETED)) {
      if (hasInnerAt(match[1])) out.push(`<${match[1]}>`);
    }
  }
  return out;
}

/** `local@domain`: an '@' with at least one character on each side. */
function hasInnerAt(token: string): boolean {
  const at = token.indexOf('@', 1);
  return at !== -1 && at < token.length - 1;
}

/**
 * A stable id for a message that has none: the same bytes always give the same id, so a
 * re-fetch (crash, UIDVALIDITY change) is still deduplicated by the core.
 */
export function synthesizeMessageId(source: Buffer): string {
  const digest = createHash('sha256').update(source).digest('hex').slice(0, 40);
  return `<sb-${digest}@missing-message-id.invalid>`;
}

/** Our outbound Message-ID; it names the conversation so a reply threads even without our database. */
export function buildOutboundMessageId(
  conversationId: string,
  messageKey: string,
  domain: string,
): string {
  const key = messageKey.replace(/[^A-Za-z0-9._-]/g, '');
  return `<conv-${conversationId}.${key}@${domain}>`;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const OUR_ID = new RegExp(`^<conv-(${UUID})\\.[^@<>]*@([^<>]+)>$`, 'i');
/** The web chat channel's offline follow-up email (libs/channels/webchat) names its conversation too. */
const WEBCHAT_ID = new RegExp(`^<webchat\\.(${UUID})\\.[^@<>]*@[^<>]+>$`, 'i');

/** True for a Message-ID we generated for `domain`: our own mail coming back. */
export function isOwnMessageId(id: string, domain: string): boolean {
  const match = OUR_ID.exec(id);
  return match !== null && match[2].toLowerCase() === domain.toLowerCase();
}

/**
 * The conversation a Message-ID of ours names. The UUID is unguessable, so a reference to it is
 * proof enough that the writer saw our mail, whatever domain it was sent from.
 */
export function conversationIdFromMessageId(id: string): string | null {
  const match = OUR_ID.exec(id) ?? WEBCHAT_ID.exec(id);
  return match ? match[1].toLowerCase() : null;
}
