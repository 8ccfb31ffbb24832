import sanitizeHtml, { type Attributes } from 'sanitize-html';

/** Our own stored files, as the editor inserts uploaded images: `/api/files/<uuid>[/<name>]`. */
const OWN_FILE_PATH =
  /^\/api\/files\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\/[^/?#\s]{1,200})?$/i;
const HTTP_LINK = /^(?:https?:\/\/|mailto:)/i;
const HTTPS_IMAGE = /^https:\/\//i;

/** The tags an article may hold: what the editor's toolbar makes, nothing that runs or loads by itself. */
const ALLOWED_TAGS = [
  'h2',
  'h3',
  'h4',
  'p',
  'br',
  'strong',
  'em',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'a',
  'img',
];

/**
 * Sanitises an article body on the server, whatever the editor sent: a strict allowlist (headings,
 * paragraphs, emphasis, lists, quotes, code, links, images). Scripts, styles, frames and forms go
 * with their content; every other unknown tag is unwrapped so its text stays. Links are http(s)
 * or mailto with `rel` forced; images are https or our own /api/files path. `b`/`i`/`h1` are
 * mapped to what the toolbar makes, so pasted articles keep their emphasis and headings.
 */
export function sanitizeKbHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    disallowedTagsMode: 'discard',
    // Dropped with everything inside: their content is code, not text.
    nonTextTags: [
      'script',
      'style',
      'textarea',
      'option',
      'noscript',
      'iframe',
      'object',
      'embed',
      'svg',
      'math',
      'template',
      'select',
      'form',
      'button',
    ],
    allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['https'] },
    allowProtocolRelative: false,
    allowedStyles: {},
    transformTags: {
      b: 'strong',
      i: 'em',
      h1: 'h2',
      div: 'p',
      h5: 'h4',
      h6: 'h4',
      a: (tagName, attribs) => {
        const href = (attribs['href'] ?? '').trim();
        const kept: Attributes = HTTP_LINK.test(href)
          ? { href, rel: 'noopener noreferrer nofollow' }
          : {};
        return { tagName, attribs: kept };
      },
      img: (tagName, attribs) => {
        const src = (attribs['src'] ?? '').trim();
        const ok = HTTPS_IMAGE.test(src) || OWN_FILE_PATH.test(src);
        const kept: Attributes = ok ? { src, alt: attribs['alt'] ?? '' } : {};
        return { tagName, attribs: kept };
      },
    },
    // A link that lost its href is kept as its text; an image that lost its src is dropped.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs['src'],
  });
}

/** The plain text of a sanitised body, for search and excerpts: blocks become line breaks. */
export function kbPlainText(html: string): string {
  const text = sanitizeHtml(
    html.replace(/<\/?(?:p|h2|h3|h4|ul|ol|li|blockquote|pre)\b|<br\b/gi, (m) => `\n${m}`),
    { allowedTags: [], allowedAttributes: {} },
  );
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&nbsp;': ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|nbsp|#39|#x27);/g, (m) => ENTITIES[m] ?? m);
}
