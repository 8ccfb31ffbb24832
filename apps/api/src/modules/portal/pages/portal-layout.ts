import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import type { PortalLocale } from './portal-strings';

/** Escapes text for HTML content and attribute values. */
export function esc(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CSS = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1c1e21}
main{max-inline-size:760px;margin-inline:auto;padding:24px 16px}
header{display:flex;justify-content:space-between;align-items:center;gap:12px}
table{inline-size:100%;border-collapse:collapse;background:#fff}
th,td{text-align:start;padding:8px;border-block-end:1px solid #e4e6eb}
.msg{background:#fff;border-radius:8px;padding:12px;margin-block:8px}
.msg.outgoing{border-inline-start:4px solid #2f6fed}
.meta{color:#606770;font-size:14px}
.notice{background:#fff8e1;padding:12px;border-radius:8px}
form.inline{display:inline}
textarea,input[type=email],input[name=subject]{inline-size:100%;box-sizing:border-box;padding:8px}
button{padding:8px 16px}
.status{font-weight:600}
`;

/**
 * A whole portal page: no script at all, the one style block allowed by a per-response nonce,
 * forms posting only to us, never framed.
 */
export function sendPortalPage(
  res: Response,
  status: number,
  page: { locale: PortalLocale; title: string; body: string },
): void {
  const nonce = randomBytes(16).toString('base64');
  res.status(status);
  res.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'none'",
      `style-src 'nonce-${nonce}'`,
      "img-src 'self'",
      "form-action 'self'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
  );
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on our own forms.
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  const dir = page.locale === 'ar' ? 'rtl' : 'ltr';
  res.send(
    `<!doctype html><html lang="${page.locale}" dir="${dir}"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width,initial-scale=1">` +
      `<meta name="robots" content="noindex">` +
      `<title>${esc(page.title)}</title><style nonce="${nonce}">${CSS}</style></head>` +
      `<body><main>${page.body}</main></body></html>`,
  );
}
