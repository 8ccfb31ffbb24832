/** Elements an article body may hold (the server's sanitiser allows no more; this is a second fence). */
const ALLOWED = new Set([
  'P',
  'BR',
  'H1',
  'H2',
  'H3',
  'H4',
  'UL',
  'OL',
  'LI',
  'A',
  'STRONG',
  'B',
  'EM',
  'I',
  'U',
  'S',
  'CODE',
  'PRE',
  'BLOCKQUOTE',
  'IMG',
  'HR',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TH',
  'TD',
  'SPAN',
  'FIGURE',
  'FIGCAPTION',
]);
const ATTRIBUTES = new Set(['href', 'src', 'alt', 'title', 'dir', 'lang', 'colspan', 'rowspan']);
const SAFE_URL = /^(https?:|mailto:|\/)/i;

/**
 * An article's sanitised HTML as nodes for the widget's shadow DOM. Parsed inert (DOMParser runs
 * no script and loads nothing), then only known elements, attributes and http(s) links are kept;
 * links open in a new tab so the chat stays where it is.
 */
export function articleBody(html: string, base: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const out = document.createDocumentFragment();
  for (const node of Array.from(parsed.body.childNodes)) {
    const clean = cleanNode(node, base);
    if (clean) out.appendChild(clean);
  }
  return out;
}

function cleanNode(node: Node, base: string): Node | null {
  if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.textContent ?? '');
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const source = node as Element;
  if (!ALLOWED.has(source.tagName)) {
    // Unknown wrappers keep their text; script, style and the like lose everything.
    if (['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'TEMPLATE'].includes(source.tagName))
      return null;
    return document.createTextNode(source.textContent ?? '');
  }
  const copy = document.createElement(source.tagName.toLowerCase());
  for (const attr of Array.from(source.attributes)) {
    if (!ATTRIBUTES.has(attr.name)) continue;
    if ((attr.name === 'href' || attr.name === 'src') && !SAFE_URL.test(attr.value.trim()))
      continue;
    // Relative addresses are the help centre's, not the customer site's.
    const value =
      attr.name === 'href' || attr.name === 'src'
        ? new URL(attr.value.trim(), base).href
        : attr.value;
    copy.setAttribute(attr.name, value);
  }
  if (copy.tagName === 'A') {
    copy.setAttribute('target', '_blank');
    copy.setAttribute('rel', 'noopener noreferrer');
  }
  for (const child of Array.from(source.childNodes)) {
    const clean = cleanNode(child, base);
    if (clean) copy.appendChild(clean);
  }
  return copy;
}
