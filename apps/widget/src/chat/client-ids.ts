/** The page for the follow-up link; query and fragment left out, they may carry private data. */
export function pageUrl(): string {
  return `${location.origin}${location.pathname}`;
}

/** The page that led the visitor here, trimmed the same way; null when none or not http(s). */
export function referrerUrl(): string | null {
  try {
    const url = new URL(document.referrer);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return `${url.origin}${url.pathname}`.slice(0, 2048);
  } catch {
    return null;
  }
}

/** A v4 UUID: the client id that makes a retried send store one message. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; plain-http sites still need a v4 UUID.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
