/**
 * The conversation token that survives mail clients which drop In-Reply-To/References: a
 * conversation UUID packed into 26 Crockford base32 characters, carried in our subject
 * (`… [SB-xxxxxxxxxxxxxxxxxxxxxxxxxx]`) and optionally in a plus-address Reply-To
 * (`support+sb-xxxxxxxxxxxxxxxxxxxxxxxxxx@example.com`). Other channels (web chat's offline
 * email) use the same helpers so the customer's emailed answer lands in their conversation.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeConversationToken(conversationId: string): string {
  if (!UUID.test(conversationId)) throw new Error('conversation id must be a UUID');
  let bits = BigInt(`0x${conversationId.replace(/-/g, '')}`);
  let out = '';
  for (let i = 0; i < 26; i++) {
    out = ALPHABET[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return out;
}

export function decodeConversationToken(token: string): string | null {
  const clean = token.toLowerCase().replace(/[ilo]/g, (c) => (c === 'o' ? '0' : '1'));
  if (!/^[0-9a-hjkmnp-tv-z]{26}$/.test(clean)) return null;
  let bits = 0n;
  for (const ch of clean) bits = (bits << 5n) | BigInt(ALPHABET.indexOf(ch));
  // 26 × 5 = 130 bits: the top two must be zero for a 128-bit UUID.
  if (bits >> 128n !== 0n) return null;
  const hex = bits.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const SUBJECT_TOKEN = /\[SB-([0-9A-Za-z]{26})\]/;

export function subjectWithToken(subject: string, conversationId: string): string {
  if (SUBJECT_TOKEN.test(subject)) return subject;
  return `${subject} [SB-${encodeConversationToken(conversationId)}]`;
}

export function conversationIdFromSubject(subject: string | null | undefined): string | null {
  const match = subject ? SUBJECT_TOKEN.exec(subject) : null;
  return match ? decodeConversationToken(match[1]) : null;
}

export function stripSubjectToken(subject: string): string {
  return subject
    .replace(SUBJECT_TOKEN, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

export function replyToAddress(fromAddress: string, conversationId: string): string {
  const at = fromAddress.lastIndexOf('@');
  const local = fromAddress.slice(0, at).split('+')[0];
  return `${local}+sb-${encodeConversationToken(conversationId)}${fromAddress.slice(at)}`;
}

/** The token in any of the recipient addresses (To, Cc, Delivered-To) of a reply. */
export function conversationIdFromAddresses(addresses: readonly string[]): string | null {
  for (const address of addresses) {
    const match = /\+sb-([0-9A-Za-z]{26})@/.exec(address);
    const id = match ? decodeConversationToken(match[1]) : null;
    if (id) return id;
  }
  return null;
}
