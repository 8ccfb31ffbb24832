/**
 * Email bodies arrive sanitized by the server; the frame adds a second wall: no scripts (sandbox),
 * and a Content-Security-Policy that blocks remote images until the operator allows them, so a
 * tracking pixel cannot tell the sender when the mail was read.
 */
// The server keeps remote image URLs as data-src (nothing loads); an unsanitized src is caught too.
const REMOTE_RESOURCE =
  /(?:src|background|srcset|data-src)\s*=\s*["']?\s*(?:https?:)?\/\/|url\(\s*["']?\s*(?:https?:)?\/\//i;

export function hasRemoteImages(html: string): boolean {
  return REMOTE_RESOURCE.test(html);
}

export interface EmailDocumentOptions {
  allowRemoteImages: boolean;
  /** Quoted history and signatures (marked `sb-quote` / `sb-signature` by the server) shown. */
  showQuoted: boolean;
  /** Where the message's own files are served (inline `cid:` images point there), e.g. `https://x/api/files/`. */
  filesBase: string;
}

/** Whether the mail has quoted history or a signature to fold behind a toggle. */
export function hasFoldedParts(html: string): boolean {
  return html.includes('sb-quote') || html.includes('sb-signature');
}

export function buildEmailDocument(html: string, opts: EmailDocumentOptions): string {
  const own = `data: ${opts.filesBase}`;
  const imgSrc = opts.allowRemoteImages ? `${own} https: http:` : own;
  const csp = `default-src 'none'; img-src ${imgSrc}; style-src 'unsafe-inline'; font-src data:`;
  const folded = opts.showQuoted ? '' : '.sb-quote,.sb-signature{display:none}';
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<base target="_blank">
<style>
html,body{margin:0;padding:0;background:transparent}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;color:#1c2024;overflow-wrap:anywhere}
img{max-inline-size:100%;block-size:auto}
blockquote{margin-inline:0;padding-inline-start:12px;border-inline-start:3px solid #e0e1e6;color:#60646c}
pre{white-space:pre-wrap}
a{color:#3e63dd}
.sb-forwarded{margin-block:12px;padding-inline-start:12px;border-inline-start:3px solid #cdced6}
.sb-forwarded__header{margin-block-end:8px;color:#60646c;font-size:13px}
${folded}
</style></head><body dir="auto">${html}</body></html>`;
}

/** After the operator allowed images: give parked remote URLs back to their <img> elements. */
export function revealRemoteImages(doc: Document): number {
  let revealed = 0;
  for (const img of Array.from(doc.querySelectorAll('img[data-src]'))) {
    const url = img.getAttribute('data-src') ?? '';
    if (!/^https?:\/\//i.test(url)) continue;
    img.setAttribute('src', url);
    img.removeAttribute('data-src');
    revealed++;
  }
  return revealed;
}
