/** A year: the longest max-age caches honour. The URL changes whenever the content does. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** HTML entry points: always revalidated (a cheap 304) so a deploy is seen on the next load. */
export const HTML_CACHE_CONTROL = 'no-cache';
/**
 * Stable URLs that are not HTML, chiefly the widget's loader.js and chat.js that customers' sites
 * embed by a fixed address: five minutes from cache, then revalidated, so a deploy reaches every
 * site within minutes without each page view asking the server.
 */
export const STABLE_URL_CACHE_CONTROL = 'public, max-age=300, must-revalidate';

const HASH_LENGTH = 8;
const HASH_CHARS = /^[\w-]+$/;

/**
 * Vite writes content-hashed files as `assets/<name>-<8 url-safe chars>.<ext>`; only those may be
 * cached for a year. `relativePath` uses `/` and is relative to the served directory.
 */
export function isContentHashed(relativePath: string): boolean {
  if (!relativePath.startsWith('assets/')) return false;
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return false;
  const stem = name.slice(0, dot);
  const hash = stem.slice(-HASH_LENGTH);
  return (
    stem.length > HASH_LENGTH + 1 &&
    stem[stem.length - HASH_LENGTH - 1] === '-' &&
    HASH_CHARS.test(hash)
  );
}

export function cacheControlFor(relativePath: string): string {
  if (relativePath.endsWith('.html')) return HTML_CACHE_CONTROL;
  return isContentHashed(relativePath) ? IMMUTABLE_CACHE_CONTROL : STABLE_URL_CACHE_CONTROL;
}
