import type { Readable } from 'node:stream';
import type { ImapFlow, MessageStructureObject } from 'imapflow';

const MAX_TEXT_PART_BYTES = 2 * 1024 * 1024;
const BOUNDARY = 'switchboard-reduced-message';

export interface ReducedMessage {
  source: Buffer;
  /** Names and sizes of what was left out, for the log. */
  dropped: string[];
}

/**
 * A message too large to download whole (a 50 MB attachment) is still worth its words: fetch its
 * headers and text parts only (BODYSTRUCTURE + partial FETCH) and rebuild a small message from
 * them, with a note about the attachments that were left on the server. Deterministic, so a
 * re-read yields the same bytes and the same synthetic Message-ID when the original has none.
 */
export async function reduceLargeMessage(
  client: ImapFlow,
  uid: number,
  size: number,
): Promise<ReducedMessage | null> {
  const msg = await client.fetchOne(
    String(uid),
    { uid: true, headers: true, bodyStructure: true },
    { uid: true },
  );
  if (!msg || !msg.headers || !msg.bodyStructure) return null;

  const texts: MessageStructureObject[] = [];
  const dropped: string[] = [];
  walk(msg.bodyStructure, (node) => {
    const isText = /^text\/(plain|html)$/i.test(node.type) && node.disposition !== 'attachment';
    if (isText && texts.length < 4) texts.push(node);
    else if (!node.childNodes) {
      const name =
        node.dispositionParameters?.['filename'] ?? node.parameters?.['name'] ?? node.type;
      // BODYSTRUCTURE sizes are encoded sizes: base64 lines carry 57 bytes in 78 characters.
      const bytes =
        node.encoding?.toLowerCase() === 'base64'
          ? Math.round(((node.size ?? 0) * 57) / 78)
          : (node.size ?? 0);
      dropped.push(`${name} (${formatMb(bytes)})`);
    }
  });

  const parts: string[] = [];
  for (const node of texts) {
    const part = node.part ?? '1';
    const download = await client.download(String(uid), part, {
      uid: true,
      maxBytes: MAX_TEXT_PART_BYTES,
    });
    if (!download.content) continue;
    const body = await readAll(download.content);
    parts.push(
      `--${BOUNDARY}\r\nContent-Type: ${node.type.toLowerCase()}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n` +
        `${body.toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n`,
    );
  }
  const note = `[This message was ${formatMb(size)}, too large to store whole. Left on the mail server: ${dropped.join(', ') || 'its attachments'}.]`;
  parts.push(
    `--${BOUNDARY}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n` +
      `${Buffer.from(note, 'utf8').toString('base64')}\r\n`,
  );

  const headers = withoutContentHeaders(msg.headers.toString('latin1'));
  const source =
    `${headers}MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${BOUNDARY}"\r\n\r\n` +
    `${parts.join('')}--${BOUNDARY}--\r\n`;
  return { source: Buffer.from(source, 'latin1'), dropped };
}

function walk(node: MessageStructureObject, visit: (n: MessageStructureObject) => void): void {
  if (node.childNodes?.length) node.childNodes.forEach((child) => walk(child, visit));
  else visit(node);
}

/** The original header block minus the MIME headers that described the body we replace. */
function withoutContentHeaders(raw: string): string {
  const unfolded = raw.replace(/\r?\n[ \t]+/g, ' ');
  return unfolded
    .split(/\r?\n/)
    .filter((line) => line.trim() && !/^(content-[a-z-]+|mime-version):/i.test(line))
    .map((line) => `${line}\r\n`)
    .join('');
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
