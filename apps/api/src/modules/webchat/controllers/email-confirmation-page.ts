import { createHash } from 'node:crypto';
import { escapeHtml } from '@switchboard/channels-webchat';

export type ConfirmationPage =
  | { kind: 'ask'; token: string }
  | { kind: 'confirmed'; email: string }
  | { kind: 'replaced' }
  | { kind: 'expired' }
  | { kind: 'invalid' };

const CSS =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;' +
  'color:#111827;overflow-wrap:anywhere}button{font:inherit;padding:.6rem 1.2rem;border:0;' +
  'border-radius:.5rem;background:#2563eb;color:#fff;cursor:pointer}';

/** Nothing but this page's own style; no script, no frames, the form posts only back here. */
export const confirmationPageHeaders: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; ` +
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

/** The small page behind the confirmation link. Every value in it is escaped. */
export function confirmationPage(page: ConfirmationPage): { status: number; html: string } {
  switch (page.kind) {
    case 'ask':
      return {
        status: 200,
        html: layout(
          'Confirm your email address',
          '<p>Press the button to let the chat email you its answers.</p>' +
            '<form method="post"><input type="hidden" name="token" value="' +
            escapeHtml(page.token) +
            '"><button type="submit">Confirm my email address</button></form>',
        ),
      };
    case 'confirmed':
      return {
        status: 200,
        html: layout(
          'Email address confirmed',
          `<p>Thank you. Answers to your chat will be emailed to <strong>${escapeHtml(page.email)}</strong> when you are away. You can close this page.</p>`,
        ),
      };
    case 'replaced':
      return {
        status: 409,
        html: layout(
          'This link is no longer needed',
          '<p>A different email address was entered in the chat after this link was sent. Use the link in the newest email.</p>',
        ),
      };
    case 'expired':
      return {
        status: 410,
        html: layout(
          'This link has expired',
          '<p>Enter your email address in the chat again to get a new link.</p>',
        ),
      };
    case 'invalid':
      return {
        status: 400,
        html: layout(
          'This link is not valid',
          '<p>Copy the whole link from the email, or enter your email address in the chat again.</p>',
        ),
      };
  }
}

function layout(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>` +
    `<style>${CSS}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`
  );
}
