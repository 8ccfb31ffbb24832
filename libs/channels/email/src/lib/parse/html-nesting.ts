import { indexOfEndTag, isSelfClosing, readTag } from './html-tokens';

/**
 * How deep the HTML parser's element stack would grow, measured in one linear pass.
 *
 * sanitize-html parses with htmlparser2, which looks up every end tag in its stack of open
 * elements (`lastIndexOf`): an end tag that matches nothing costs the whole stack, so
 * `<b>` × N followed by `</i>` × N is quadratic (20 000 pairs took 1.7 s). Bounding the stack
 * bounds that cost. The simulation follows htmlparser2's own rules so that sloppy but common
 * markup (thousands of unclosed `<p>` or `<td>`) does not count as deep: void elements open
 * nothing, a start tag closes the open elements it implies (`<li>` after `<li>`), an end tag
 * closes down to the nearest open element of its name and is ignored otherwise, and the text of
 * `<script>`, `<style>` and `<title>` holds no tags.
 */
export const MAX_HTML_DEPTH = 512; // Chrome's parser flattens anything deeper, too.

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'title']);

const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const DD_DT = ['dd', 'dt'];
const RT_RP = ['rt', 'rp'];
const TABLE_SECTION = ['thead', 'tbody'];
/** htmlparser2's `openImpliesClose`: opening the key closes these while they are on top. */
const IMPLIED_CLOSE = new Map<string, ReadonlySet<string>>(
  Object.entries({
    tr: ['tr', 'th', 'td'],
    th: ['th'],
    td: ['thead', 'th', 'td'],
    body: ['head', 'link', 'script'],
    li: ['li'],
    option: ['option'],
    optgroup: ['optgroup', 'option'],
    dd: DD_DT,
    dt: DD_DT,
    rt: RT_RP,
    rp: RT_RP,
    tbody: TABLE_SECTION,
    tfoot: TABLE_SECTION,
    ...Object.fromEntries(
      ['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM]),
    ),
    ...Object.fromEntries(
      [
        'p',
        'h1',
        'h2',
        'h3',
        'h4',
        'h5',
        'h6',
        'address',
        'article',
        'aside',
        'blockquote',
        'details',
        'div',
        'dl',
        'fieldset',
        'figcaption',
        'figure',
        'footer',
        'form',
        'header',
        'hr',
        'main',
        'nav',
        'ol',
        'pre',
        'section',
        'table',
        'ul',
      ].map((t) => [t, P]),
    ),
  }).map(([tag, closes]) => [tag, new Set(closes)]),
);

/** True when parsing `html` would hold more than `maxDepth` elements open at some point. */
export function exceedsHtmlDepth(html: string, maxDepth = MAX_HTML_DEPTH): boolean {
  const stack: string[] = [];
  const open = new Map<string, number>();
  const push = (name: string) => {
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
  };
  const pop = () => {
    const name = stack.pop() as string;
    open.set(name, (open.get(name) ?? 1) - 1);
    return name;
  };
  const isOpen = (name: string) => (open.get(name) ?? 0) > 0;

  let i = html.indexOf('<');
  while (i !== -1) {
    const tag = readTag(html, i);
    if (tag.kind === 'text') {
      i = html.indexOf('<', i + 1);
      continue;
    }
    if (tag.kind === 'start') {
      const implied = IMPLIED_CLOSE.get(tag.name);
      while (implied && stack.length > 0 && implied.has(stack[stack.length - 1])) pop();
      // Inside SVG or MathML, `<path/>` closes itself; in HTML the slash means nothing.
      const selfClosed = (isOpen('svg') || isOpen('math')) && isSelfClosing(html, tag.end);
      if (!VOID_ELEMENTS.has(tag.name) && !selfClosed) {
        push(tag.name);
        if (stack.length > maxDepth) return true;
      }
      if (RAW_TEXT_ELEMENTS.has(tag.name) && tag.end !== -1) {
        // The element's text runs to its end tag, which the next round reads and pops.
        i = indexOfEndTag(html, tag.name, tag.end);
        continue;
      }
    } else if (tag.kind === 'end' && isOpen(tag.name)) {
      let popped = pop();
      while (popped !== tag.name) popped = pop();
    }
    i = tag.end === -1 ? -1 : html.indexOf('<', tag.end);
  }
  return false;
}
