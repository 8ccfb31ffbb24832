import { createHash } from 'node:crypto';
import { escapeHtml } from '@switchboard/channels-webchat';
import { CSAT_MAX_COMMENT, csatRatings, type CsatScale } from '@switchboard/contracts';

export type CsatPage =
  | {
      kind: 'ask';
      question: string;
      scale: CsatScale;
      commentEnabled: boolean;
      selected: number | null;
    }
  | { kind: 'thanks'; rating: number; scale: CsatScale }
  | { kind: 'already_answered' }
  | { kind: 'out_of_range'; min: number; max: number }
  | { kind: 'bad_comment'; reason: string }
  | { kind: 'expired' }
  | { kind: 'invalid' };

const CSS =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;' +
  'color:#111827;overflow-wrap:anywhere}fieldset{border:0;padding:0;margin:0 0 1rem;display:flex;' +
  'flex-wrap:wrap;gap:.5rem}legend{font-weight:600;margin-bottom:.5rem}label.r{display:inline-flex;' +
  'align-items:center;gap:.25rem;padding:.4rem .7rem;border:1px solid #9ca3af;border-radius:.5rem}' +
  'textarea{width:100%;min-height:6rem;font:inherit}button{font:inherit;padding:.6rem 1.2rem;' +
  'border:0;border-radius:.5rem;background:#1d4ed8;color:#fff;cursor:pointer;margin-top:1rem}';

/** Only this page's own style: no script, no frames, the form posts only back here. */
export const csatPageHeaders: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; ` +
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

/**
 * The rating page behind the link in a survey mail or WhatsApp message. Opening it records
 * nothing (mail scanners open links); the form's submit does. Every value in it is escaped.
 */
export function csatPage(page: CsatPage): { status: number; html: string } {
  switch (page.kind) {
    case 'ask':
      return { status: 200, html: layout('Rate our help', askForm(page)) };
    case 'thanks':
      return {
        status: 200,
        html: layout(
          'Thank you',
          `<p>Your rating of ${page.rating} out of ${page.scale === 'csat' ? 5 : 10} was received. You can close this page.</p>`,
        ),
      };
    case 'already_answered':
      return {
        status: 409,
        html: layout(
          'Already answered',
          '<p>This survey was already answered. Thank you: nothing was changed.</p>',
        ),
      };
    case 'out_of_range':
      return {
        status: 422,
        html: layout(
          'Choose a rating',
          `<p>The rating must be a whole number from ${page.min} to ${page.max}. Go back and choose one.</p>`,
        ),
      };
    case 'bad_comment':
      return {
        status: 422,
        html: layout('Your comment could not be used', `<p>${escapeHtml(page.reason)}</p>`),
      };
    case 'expired':
      return {
        status: 410,
        html: layout('This link has expired', '<p>Survey links can be used for 14 days.</p>'),
      };
    case 'invalid':
      return {
        status: 404,
        html: layout(
          'This link is not valid',
          '<p>Copy the whole link from the message you received.</p>',
        ),
      };
  }
}

function askForm(page: Extract<CsatPage, { kind: 'ask' }>): string {
  const radios = csatRatings(page.scale)
    .map(
      (r) =>
        `<label class="r"><input type="radio" name="rating" value="${r}" required` +
        `${page.selected === r ? ' checked' : ''}> ${r}</label>`,
    )
    .join('');
  const hint =
    page.scale === 'csat' ? '1 = poor, 5 = excellent' : '0 = not likely, 10 = very likely';
  const comment = page.commentEnabled
    ? `<p><label for="comment">Anything you would like to add? (optional)</label></p>` +
      `<textarea id="comment" name="comment" maxlength="${CSAT_MAX_COMMENT}"></textarea>`
    : '';
  return (
    `<form method="post"><fieldset><legend>${escapeHtml(page.question)} (${hint})</legend>` +
    `${radios}</fieldset>${comment}<button type="submit">Send my rating</button></form>`
  );
}

function layout(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>` +
    `<style>${CSS}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
  );
}
