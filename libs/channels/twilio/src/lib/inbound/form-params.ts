/**
 * A form-encoded body (application/x-www-form-urlencoded) as Twilio signs it: every key with all
 * its values, in order. A null prototype keeps keys such as `__proto__` plain data.
 */
export type FormParams = Readonly<Record<string, string | string[]>>;

export function parseFormParams(rawBody: Buffer): FormParams {
  const params: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(rawBody.toString('utf8'))) {
    const existing = params[key];
    if (existing === undefined) params[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else params[key] = [existing, value];
  }
  return params;
}

/** Keys that carry more than one distinct value: Twilio never sends those. */
export function ambiguousKeys(params: FormParams): string[] {
  return Object.keys(params).filter((key) => {
    const value = params[key];
    return Array.isArray(value) && new Set(value).size > 1;
  });
}

/** One value per key (a key repeated with the same value counts once). */
export function singleValues(params: FormParams): Record<string, string> {
  const single: Record<string, string> = Object.create(null);
  for (const key of Object.keys(params)) {
    const value = params[key];
    single[key] = Array.isArray(value) ? (value[0] ?? '') : value;
  }
  return single;
}
