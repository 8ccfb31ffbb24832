import sanitizeHtml from 'sanitize-html';

// One quoted value at a time, then a look inside it: `style="[^"]*url\([^"]*"` backtracks
// quadratically over text such as `style="url(url(url(…` with no closing quote.
const STYLE_ATTRIBUTE = /style="[^"]*"/gi;

/**
 * Server-side sanitising of inbound HTML (email) before storage: no scripts, no event handlers, no
 * javascript: URLs, no forms or frames. Remote images are kept as data-src so nothing loads until
 * the operator allows it; inline (cid:) images stay.
 */
export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags,
      'img',
      'span',
      'font',
      'center',
      'u',
      's',
      'del',
      'ins',
      'sub',
      'sup',
      'small',
      'big',
    ],
    disallowedTagsMode: 'discard',
    allowedAttributes: {
      '*': [
        'style',
        'title',
        'dir',
        'lang',
        'align',
        'valign',
        'width',
        'height',
        'bgcolor',
        'color',
      ],
      a: ['href', 'name', 'target', 'rel'],
      img: ['src', 'data-src', 'alt', 'width', 'height'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      font: ['face', 'size', 'color'],
      // The email parser marks folded quotes and signatures so the SPA can collapse them.
      blockquote: ['class'],
      div: ['class'],
    },
    allowedClasses: {
      blockquote: ['sb-quote'],
      div: ['sb-quote', 'sb-signature', 'sb-forwarded', 'sb-forwarded__header'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel', 'cid'],
    allowedSchemesByTag: { img: ['cid', 'data'] },
    allowProtocolRelative: false,
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' },
      }),
      img: (tagName, attribs) => {
        const src = attribs['src'] ?? '';
        if (/^https?:/i.test(src)) {
          const { src: _remote, ...rest } = attribs;
          return { tagName, attribs: { ...rest, 'data-src': src } };
        }
        return { tagName, attribs };
      },
    },
    // CSS can fetch too (background:url(...)); drop any style that references a URL.
    allowedStyles: undefined,
    exclusiveFilter: (frame) => frame.tag === 'style' || frame.tag === 'script',
  }).replace(STYLE_ATTRIBUTE, (style) => (/url\(/i.test(style) ? '' : style));
}
