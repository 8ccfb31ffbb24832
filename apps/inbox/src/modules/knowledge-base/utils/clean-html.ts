// The editor's own allowlist, the same as the server's (kb-html-sanitizer.ts): what is pasted or
// loaded is rebuilt from these tags only, so the editor never holds what the server would drop.
// The server sanitises again on save; this keeps what the operator sees equal to what is stored.

const RENAME: Record<string, string> = {
  H1: 'h2',
  H2: 'h2',
  H3: 'h3',
  H4: 'h4',
  H5: 'h4',
  H6: 'h4',
  P: 'p',
  DIV: 'p',
  UL: 'ul',
  OL: 'ol',
  LI: 'li',
  BLOCKQUOTE: 'blockquote',
  PRE: 'pre',
  CODE: 'code',
  STRONG: 'strong',
  B: 'strong',
  EM: 'em',
  I: 'em',
  BR: 'br',
  A: 'a',
  IMG: 'img',
};

/** Dropped with their content: code, styling, embedded documents and form controls. */
const DROP = new Set([
  'SCRIPT',
  'STYLE',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'TEMPLATE',
  'FORM',
  'INPUT',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'NOSCRIPT',
  'LINK',
  'META',
  'TITLE',
  'HEAD',
]);

const OWN_FILE = /^\/api\/files\/[0-9a-f-]{36}(?:\/[^/?#\s]{1,200})?$/i;

/** An http(s) or mailto address; a bare `example.com/x` becomes https. Null for anything else. */
export function safeLinkUrl(input: string): string | null {
  const url = input.trim();
  if (!url || /\s/.test(url)) return null;
  if (/^(?:https?:\/\/[^/]|mailto:[^@\s]+@)/i.test(url)) return url;
  if (/^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:[/?#].*)?$/u.test(url)) return `https://${url}`;
  return null;
}

/** An image the server keeps: https, or a file uploaded to us. */
export function safeImageSrc(src: string): string | null {
  const s = src.trim();
  return /^https:\/\/[^/]/i.test(s) || OWN_FILE.test(s) ? s : null;
}

function copyChildren(from: Node, to: Node, doc: Document): void {
  for (const child of Array.from(from.childNodes)) {
    const copied = cleanNode(child, doc);
    for (const node of copied) to.appendChild(node);
  }
}

function cleanNode(node: Node, doc: Document): Node[] {
  if (node.nodeType === Node.TEXT_NODE) return [doc.createTextNode(node.textContent ?? '')];
  if (node.nodeType !== Node.ELEMENT_NODE) return [];
  const el = node as Element;
  const tag = el.tagName.toUpperCase();
  if (DROP.has(tag)) return [];
  const name = RENAME[tag];
  if (!name) {
    // An unknown wrapper (span, font, table…): its content stays, the wrapper goes.
    const frag = doc.createDocumentFragment();
    copyChildren(el, frag, doc);
    return [frag];
  }
  const out = doc.createElement(name);
  if (name === 'a') {
    const href = safeLinkUrl(el.getAttribute('href') ?? '');
    if (href) {
      out.setAttribute('href', href);
      out.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  }
  if (name === 'img') {
    const src = safeImageSrc(el.getAttribute('src') ?? '');
    if (!src) return [];
    out.setAttribute('src', src);
    out.setAttribute('alt', el.getAttribute('alt') ?? '');
    return [out];
  }
  if (name !== 'br') copyChildren(el, out, doc);
  return [out];
}

/**
 * Pasted or stored HTML, rebuilt from the allowlist: no script, style, event handler, frame,
 * form, or javascript: link survives. Parsed in an inert document (nothing loads or runs).
 */
export function cleanHtml(html: string): string {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const doc = document.implementation.createHTMLDocument('');
  const root = doc.createElement('div');
  copyChildren(parsed.body, root, doc);
  return root.innerHTML;
}

/** Plain pasted text as paragraphs (blank lines part them), escaped. */
export function textToHtml(text: string): string {
  const doc = document.implementation.createHTMLDocument('');
  const root = doc.createElement('div');
  for (const para of text.split(/\r?\n\s*\r?\n/)) {
    if (!para.trim()) continue;
    const p = doc.createElement('p');
    para.split(/\r?\n/).forEach((line, i) => {
      if (i > 0) p.appendChild(doc.createElement('br'));
      p.appendChild(doc.createTextNode(line));
    });
    root.appendChild(p);
  }
  return root.innerHTML;
}

/** Whether the editor holds no text and no image (an empty article is not saved). */
export function isEmptyHtml(html: string): boolean {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  return !parsed.body.textContent?.trim() && !parsed.body.querySelector('img');
}
