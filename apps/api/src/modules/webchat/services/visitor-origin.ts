import type { IncomingHttpHeaders } from 'node:http';
import { normaliseOrigin } from '@switchboard/channels-webchat';

/**
 * The origin a visitor request comes from. Browsers send Origin on every cross-origin request and
 * on WebSocket handshakes; a same-origin GET may omit it, and then Sec-Fetch-Site tells us. A
 * client that sends neither is treated as having no origin (and refused).
 */
export function requestOrigin(headers: IncomingHttpHeaders, ownOrigins: string[]): string | null {
  const origin = single(headers['origin']);
  if (origin && origin !== 'null') return origin;
  if (single(headers['sec-fetch-site']) === 'same-origin') return ownOrigins[0] ?? null;
  return null;
}

/** Switchboard's own pages (the demo page, the hosted chat link) may always use the widget. */
export function ownOrigins(
  headers: IncomingHttpHeaders,
  publicUrl: string,
  secure: boolean,
): string[] {
  const origins = new Set<string>();
  const host = single(headers['host']);
  if (host) {
    const own = normaliseOrigin(`${secure ? 'https' : 'http'}://${host}`);
    if (own) origins.add(own);
  }
  const configured = normaliseOrigin(publicUrl);
  if (configured) origins.add(configured);
  return [...origins];
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
