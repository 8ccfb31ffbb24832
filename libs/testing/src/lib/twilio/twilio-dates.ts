/** RFC 2822 as the 2010-04-01 API writes it: `Thu, 30 Jul 2015 20:12:31 +0000`. */
export function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

/** ISO 8601 without milliseconds, as the Content API writes it: `2015-07-30T20:12:31Z`. */
export function iso8601(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}
