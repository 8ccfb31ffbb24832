import sanitizeHtml from 'sanitize-html';
import { exceedsHtmlDepth } from './html-nesting';

/**
 * Email HTML is hostile by default. What survives: formatting, tables, links (opened in a new tab,
 * no referrer), inline images by `cid:`/`data:`. What does not: scripts, event handlers, styles
 * that fetch (`url(...)`), forms, frames, `javascript:` anywhere. Remote images keep their address
 * in `data-src` only, so nothing is fetched until an operator asks for it (tracking pixels).
 * Earlier quoted messages and signatures are marked with `sb-quote` / `sb-signature` so the
 * client can fold them.
 */
const MAX_HTML_LENGTH = 2_000_000;

const SAFE_STYLE_VALUE = [
  /^(?!.*(url|expression|image-set|element|paint)\s*\()(?!.*(javascript|behavior|binding)\s*:)[^<>{}\\;]*$/i,
];
const STYLE_PROPERTIES = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-align',
  'text-decoration',
  'text-indent',
  'line-height',
  'letter-spacing',
  'vertical-align',
  'white-space',
  'direction',
  'width',
  'max-width',
  'min-width',
  'height',
  'margin',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border',
  'border-top',
  'border-right',
  'border-bottom',
  'border-left',
  'border-color',
  'border-width',
  'border-style',
  'border-collapse',
  'border-radius',
  'display',
];

const QUOTE_CLASSES =
  /^(gmail_quote|gmail_extra|yahoo_quoted|moz-cite-prefix|protonmail_quote|x_gmail_quote)$/;
const SIGNATURE_CLASSES = /^(gmail_signature|moz-signature|signature|x_gmail_signature)$/;

function markFolded(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const classes = (attribs['class'] ?? '').split(/\s+/).filter(Boolean);
  const id = attribs['id'] ?? '';
  const out: sanitizeHtml.Attributes = { ...attribs };
  delete out['class'];
  if (
    tagName === 'blockquote' ||
    classes.some((c) => QUOTE_CLASSES.test(c)) ||
    id === 'divRplyFwdMsg'
  ) {
    out['class'] = 'sb-quote';
  } else if (classes.some((c) => SIGNATURE_CLASSES.test(c)) || id === 'Signature') {
    out['class'] = 'sb-signature';
  }
  return out;
}

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'style'),
    'img',
    'font',
    'center',
    'details',
    'summary',
    'u',
    's',
    'strike',
    'big',
    'small',
  ],
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template'],
  disallowedTagsMode: 'discard',
  allowedAttributes: {
    '*': ['style', 'dir', 'lang', 'title', 'align'],
    a: ['href', 'name', 'target', 'rel'],
    img: ['src', 'alt', 'width', 'height', 'data-src'],
    font: ['color', 'face', 'size'],
    table: ['width', 'border', 'cellpadding', 'cellspacing', 'bgcolor'],
    td: ['width', 'height', 'colspan', 'rowspan', 'valign', 'bgcolor'],
    th: ['width', 'height', 'colspan', 'rowspan', 'valign', 'bgcolor'],
    ol: ['start', 'type'],
    blockquote: ['class'],
    div: ['class'],
  },
  allowedClasses: {
    blockquote: ['sb-quote'],
    div: ['sb-quote', 'sb-signature', 'sb-forwarded', 'sb-forwarded__header'],
  },
  allowedStyles: { '*': Object.fromEntries(STYLE_PROPERTIES.map((p) => [p, SAFE_STYLE_VALUE])) },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['cid', 'data'] },
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' },
    }),
    img: (tagName, attribs) => {
      const src = (attribs['src'] ?? '').trim();
      const out: sanitizeHtml.Attributes = { ...attribs };
      if (/^(https?:)?\/\//i.test(src)) {
        // Remote content needs the operator's consent: keep the address, load nothing.
        delete out['src'];
        out['data-src'] = src.startsWith('//') ? `https:${src}` : src;
      } else if (/^data:/i.test(src) && !/^data:image\/(png|jpe?g|gif|webp|bmp);/i.test(src)) {
        delete out['src'];
      } else if (!/^(cid|data):/i.test(src)) {
        delete out['src'];
      }
      if (out['data-src'] !== undefined && !/^https?:\/\//i.test(out['data-src'])) {
        delete out['data-src'];
      }
      return { tagName, attribs: out };
    },
    blockquote: (tagName, attribs) => ({ tagName, attribs: markFolded(tagName, attribs) }),
    div: (tagName, attribs) => ({ tagName, attribs: markFolded(tagName, attribs) }),
  },
};

/**
 * Sanitized HTML, or null when nothing renderable is left, or when the input is too large or too
 * deeply nested to parse in bounded time (the caller shows the mail's text instead).
 */
export function sanitizeEmailHtml(html: string): string | null {
  if (!isRenderableHtml(html)) return null;
  const clean = sanitizeHtml(html, options).trim();
  return clean.length > 0 ? clean : null;
}

/** Small and shallow enough for sanitize-html, whose parser is quadratic in the nesting depth. */
export function isRenderableHtml(html: string): boolean {
  return html.length <= MAX_HTML_LENGTH && !exceedsHtmlDepth(html);
}

/** The HTML of a plain-text mail: escaped, line breaks kept, quote and signature marked for folding. */
export function plainTextToHtml(parts: {
  body: string;
  quoted: string | null;
  signature: string | null;
}): string {
  const block = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');
  let html = `<div>${block(parts.body)}</div>`;
  if (parts.signature) html += `<div class="sb-signature">${block(parts.signature)}</div>`;
  if (parts.quoted) html += `<blockquote class="sb-quote">${block(parts.quoted)}</blockquote>`;
  return html;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Sanitized HTML without the parts marked for folding: what the sender just wrote. */
export function withoutFoldedParts(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: false,
    // The input is our own sanitized output: nothing left to refuse, and nothing to warn about.
    allowVulnerableTags: true,
    allowedAttributes: false,
    exclusiveFilter: (frame) => /\bsb-(quote|signature)\b/.test(frame.attribs['class'] ?? ''),
  });
}
