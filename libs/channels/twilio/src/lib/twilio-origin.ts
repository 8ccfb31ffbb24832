/** Where Twilio's REST API and its media URLs live. */
export const TWILIO_API_ORIGIN = 'https://api.twilio.com';

/** twilio.com and every subdomain (api, content, regional edges such as api.dublin.ie1). */
export function isTwilioHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'twilio.com' || host.endsWith('.twilio.com');
}

/**
 * Sends a Twilio URL to another origin (tests: the fake), path and query unchanged. Only https
 * URLs on a Twilio host move; anything else is returned as it is. Without an override, identity.
 */
export function rewriteTwilioUrl(url: string, apiOrigin: string | null): string {
  if (!apiOrigin) return url;
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== 'https:' || !isTwilioHost(parsed.hostname)) return url;
  // Sliced, not rebuilt from URL parts: the path must stay byte for byte what twilio-node built.
  return apiOrigin + url.slice(pathStart(url));
}

/**
 * Whether our credentials may go to this URL: the configured origin (the fake) when there is an
 * override, else any https Twilio host.
 */
export function isTrustedTwilioUrl(url: URL, apiOrigin: string | null): boolean {
  if (apiOrigin) return url.origin === new URL(apiOrigin).origin;
  return url.protocol === 'https:' && isTwilioHost(url.hostname);
}

export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Index of the first character after `scheme://authority`. */
function pathStart(url: string): number {
  const scheme = url.indexOf('://');
  let i = scheme === -1 ? 0 : scheme + 3;
  while (i < url.length && url[i] !== '/' && url[i] !== '?' && url[i] !== '#') i++;
  return i;
}
