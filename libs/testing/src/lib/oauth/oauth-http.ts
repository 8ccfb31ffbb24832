import type { IncomingMessage, ServerResponse } from 'node:http';
import { OAuthError } from './oauth-error';

const MAX_FORM_BYTES = 64 * 1024;

/** An `application/x-www-form-urlencoded` body, the only type RFC 6749 token requests use. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > MAX_FORM_BYTES) throw new OAuthError('invalid_request', 'Request too large.');
    chunks.push(chunk as Buffer);
  }
  if (type !== 'application/x-www-form-urlencoded')
    throw new OAuthError(
      'invalid_request',
      'Content-Type must be application/x-www-form-urlencoded.',
    );
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Client credentials from HTTP Basic (client_secret_basic, form-encoded id and secret) or from
 * the body (client_secret_post); using both at once is an invalid request (RFC 6749 2.3.1).
 */
export function clientCredentials(
  req: IncomingMessage,
  form: URLSearchParams,
): { clientId: string | null; clientSecret: string | null; viaHeader: boolean } {
  const header = req.headers.authorization;
  const inBody = form.has('client_secret');
  if (header?.toLowerCase().startsWith('basic ')) {
    if (inBody)
      throw new OAuthError('invalid_request', 'Client authenticated in more than one way.');
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { clientId: null, clientSecret: null, viaHeader: true };
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      clientSecret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
      viaHeader: true,
    };
  }
  return {
    clientId: form.get('client_id'),
    clientSecret: form.get('client_secret'),
    viaHeader: false,
  };
}

/** Token endpoint answers must never be cached (RFC 6749 5.1). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
  });
  res.end(JSON.stringify(body));
}

export function sendOAuthError(res: ServerResponse, err: OAuthError, basicAuth: boolean): void {
  if (err.status === 401 && basicAuth) res.setHeader('WWW-Authenticate', 'Basic realm="token"');
  sendJson(res, err.status, err.body());
}

/** An error the user sees in the browser: never a redirect to an unverified redirect_uri. */
export function sendErrorPage(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

export function redirect(
  res: ServerResponse,
  target: string,
  params: Record<string, string | undefined>,
): void {
  const url = new URL(target);
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(key, value);
  res.writeHead(302, { Location: url.toString(), 'Cache-Control': 'no-store' });
  res.end();
}
