import { createHash, createHmac } from 'node:crypto';

export interface SigV4Request {
  method: string;
  host: string;
  /** Already URI-encoded path, e.g. /bucket/a%20b. */
  path: string;
  headers: Record<string, string>;
  payloadHash: string;
}

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) =>
  createHmac('sha256', key).update(data).digest();

/** AWS Signature Version 4 for a request without query parameters; returns the Authorization header. */
export function signV4(req: SigV4Request, creds: SigV4Credentials, amzDate: string): string {
  const date = amzDate.slice(0, 8);
  const headers: Record<string, string> = { ...lowerKeys(req.headers), host: req.host };
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${(headers[n] ?? '').trim()}\n`).join('');
  const signedHeaders = names.join(';');
  const canonical = [
    req.method,
    req.path,
    '',
    canonicalHeaders,
    signedHeaders,
    req.payloadHash,
  ].join('\n');
  const scope = `${date}/${creds.region}/${creds.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(
    hmac(hmac(hmac(`AWS4${creds.secretAccessKey}`, date), creds.region), creds.service),
    'aws4_request',
  );
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

export { sha256 as sha256Hex };

function lowerKeys(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}
