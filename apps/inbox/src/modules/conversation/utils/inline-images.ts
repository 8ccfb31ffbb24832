import type { AttachmentDto } from '@switchboard/contracts';

const CID_SRC = 'src="cid:';

/**
 * The message's own images an email's HTML refers to as `src="cid:…"` (the server keeps that
 * reference and the part's Content-ID), pointed at our copy of each part. A forward scan with
 * `indexOf`: linear whatever the HTML is.
 */
export function withInlineImages(
  html: string,
  attachments: readonly AttachmentDto[],
): { html: string; inlined: Set<string> } {
  const byCid = new Map<string, AttachmentDto>();
  for (const a of attachments) if (a.contentId && a.url) byCid.set(a.contentId.trim(), a);
  const inlined = new Set<string>();
  if (byCid.size === 0 || !html.includes(CID_SRC)) return { html, inlined };
  let out = '';
  let from = 0;
  for (;;) {
    const at = html.indexOf(CID_SRC, from);
    if (at === -1) break;
    const start = at + CID_SRC.length;
    const end = html.indexOf('"', start);
    if (end === -1) break;
    const cid = decodeCid(html.slice(start, end));
    const file = byCid.get(cid);
    out += html.slice(from, at);
    if (file?.url) {
      out += `src="${escapeAttribute(file.url)}"`;
      inlined.add(file.id);
    } else {
      out += html.slice(at, end + 1);
    }
    from = end + 1;
  }
  return { html: out + html.slice(from), inlined };
}

/** `cid:` URLs are URL-encoded Content-IDs (RFC 2392); the HTML escapes `&`. */
function decodeCid(raw: string): string {
  const unescaped = raw.split('&amp;').join('&');
  try {
    return decodeURIComponent(unescaped).trim();
  } catch {
    return unescaped.trim();
  }
}

function escapeAttribute(value: string): string {
  return value.split('&').join('&amp;').split('"').join('&quot;');
}
