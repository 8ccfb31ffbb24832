import { randomBytes } from 'node:crypto';

/** Twilio resource kinds the fake hands out, by their two-letter SID prefix. */
export type SidPrefix = 'AC' | 'SM' | 'MM' | 'ME' | 'HX' | 'RQ';

/** A new SID: the prefix and 32 lowercase hex digits, like every Twilio resource id. */
export function newSid(prefix: SidPrefix): string {
  return prefix + randomBytes(16).toString('hex');
}

/** True when `value` is `prefix` + 32 hex digits. */
export function isSid(value: string, prefix: SidPrefix): boolean {
  if (value.length !== 34 || !value.startsWith(prefix)) return false;
  for (let i = 2; i < value.length; i++) {
    if (!isHexDigit(value.charCodeAt(i))) return false;
  }
  return true;
}

function isHexDigit(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 97 && code <= 102) || // a-f
    (code >= 65 && code <= 70) // A-F
  );
}
