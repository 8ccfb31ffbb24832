/**
 * Splits a plain-text reply into what the customer just wrote, the earlier messages their client
 * quoted below it, and their signature. The operator reads the new text; the rest stays available
 * folded. When the split would leave nothing new (a top-quoted forward, an empty reply), the whole
 * text is kept as new text: losing words is worse than showing a quote.
 */
export interface FoldedText {
  body: string;
  quoted: string | null;
  signature: string | null;
}

/**
 * "On <date>, <who> wrote:" in the languages our customers write in; may wrap onto a second line.
 * Only lines up to MAX_HEADER_LINE characters are tried (a real header is short), so the bounded
 * `.{m,n}` below cost a constant per line; the address is `[^<>@]+@[^<>]+`, whose parts cannot
 * trade characters (`[^>]+@[^>]+` backtracks quadratically over a long run of '@').
 */
const REPLY_HEADERS: RegExp[] = [
  /^On\b.{4,300}\bwrote:\s*$/is,
  /^Am\b.{4,300}\bschrieb.{0,200}:\s*$/is,
  /^Le\b.{4,300}\ba écrit\s*:\s*$/is,
  /^El\b.{4,300}\bescribió:\s*$/is,
  /^Em\b.{4,300}\bescreveu:\s*$/is,
  /^Il giorno\b.{4,300}\bha scritto:\s*$/is,
  /^Op\b.{4,300}\bschreef.{0,200}:\s*$/is,
  /^.{4,300}\s(написал|написала|написал\(а\)|пишет)\s*:\s*$/is,
  /^(?=.{0,300}كتب).{3,600}:\s*$/s,
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}.{0,200}<[^<>@]+@[^<>]+>:?\s*$/s,
];
/** Longer than any reply header (two wrapped lines of one); longer lines are text, never tried. */
const MAX_HEADER_LINE = 1000;
const SEPARATORS: RegExp[] = [
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Исходное сообщение)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
];
/** Outlook's header block: "From: …" followed closely by Sent/Date and To/Subject. */
const OUTLOOK_FROM = /^\*?(From|Von|De|Від|От|Da|Van):\*?\s/i;
const OUTLOOK_NEXT =
  /^\*?(Sent|Date|Gesendet|Envoyé|Enviado|Отправлено|Inviato|Verzonden|To|An|À|Para|Кому|Subject|Betreff|Objet|Asunto|Тема):\*?\s/i;

const SIGNATURE_DELIMITER = /^--\s?$/;
const MOBILE_SIGNATURES =
  /^(Sent from my .{2,40}|Get Outlook for .{2,20}|Sent from Mail for Windows.*|Отправлено с .{2,40}|Von meinem .{2,40} gesendet|Envoyé de mon .{2,40}|Enviado desde mi .{2,40})$/i;

export function foldQuotedText(text: string): FoldedText {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let cut = findReplyHeader(lines);
  if (cut === -1) cut = findTrailingQuoteBlock(lines);

  const head = cut === -1 ? lines : lines.slice(0, cut);
  const quoted = cut === -1 ? null : lines.slice(cut).join('\n').trim() || null;

  const { body, signature } = splitSignature(head);
  if (!body.trim()) return { body: text.trim(), quoted: null, signature: null };
  return { body: body.trim(), quoted, signature };
}

function findReplyHeader(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line || line.length > MAX_HEADER_LINE) continue;
    if (SEPARATORS.some((re) => re.test(line))) return i;
    if (
      mayEndReplyHeader(line) &&
      mayBeReplyHeader(line) &&
      REPLY_HEADERS.some((re) => re.test(line))
    )
      return i;
    const next = (lines[i + 1] ?? '').trim();
    const twoLines = `${line} ${next}`;
    if (
      lines[i + 1] !== undefined &&
      mayEndReplyHeader(next) &&
      twoLines.length <= MAX_HEADER_LINE &&
      mayBeReplyHeader(twoLines) &&
      REPLY_HEADERS.some((re) => re.test(twoLines)) &&
      isQuoteStart(lines, i + 2)
    ) {
      return i;
    }
    if (
      OUTLOOK_FROM.test(line) &&
      lines.slice(i + 1, i + 5).some((l) => OUTLOOK_NEXT.test(l.trim()))
    )
      return i;
  }
  return -1;
}

/** A word every reply header above contains ('@' for the dated one with an address). */
const HEADER_WORDS = [
  'wrote',
  'schrieb',
  'écrit',
  'escribió',
  'escreveu',
  'scritto',
  'schreef',
  'написал',
  'пишет',
  'كتب',
  '@',
];

/**
 * Every reply header ends in ':' or '>' (then only spaces, already trimmed) and names its verb:
 * cheap tests that spare the ten header patterns on ordinary lines, so even a message of 30,000
 * short lines ending in ':' costs a few microseconds per line instead of twenty regex runs.
 */
function mayEndReplyHeader(trimmed: string): boolean {
  const last = trimmed.charCodeAt(trimmed.length - 1);
  return last === 0x3a || last === 0x3e; // ':' or '>'
}

function mayBeReplyHeader(text: string): boolean {
  const lower = text.toLowerCase();
  return HEADER_WORDS.some((word) => lower.includes(word));
}

/** A wrapped reply header only counts when quoted text follows it (avoids eating a sentence). */
function isQuoteStart(lines: string[], from: number): boolean {
  for (let i = from; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    return lines[i].startsWith('>');
  }
  return true;
}

/** A block of `>` lines at the end (interleaved replies keep their quotes inline). */
function findTrailingQuoteBlock(lines: string[]): number {
  let i = lines.length - 1;
  while (i >= 0 && !lines[i].trim()) i--;
  let start = -1;
  while (i >= 0 && (lines[i].startsWith('>') || !lines[i].trim())) {
    if (lines[i].startsWith('>')) start = i;
    i--;
  }
  return start;
}

function splitSignature(lines: string[]): { body: string; signature: string | null } {
  const delimiter = lines.findIndex((l) => SIGNATURE_DELIMITER.test(l));
  if (delimiter !== -1) {
    return {
      body: lines.slice(0, delimiter).join('\n'),
      signature:
        lines
          .slice(delimiter + 1)
          .join('\n')
          .trim() || null,
    };
  }
  let end = lines.length - 1;
  while (end >= 0 && !lines[end].trim()) end--;
  if (end >= 0 && MOBILE_SIGNATURES.test(lines[end].trim())) {
    return { body: lines.slice(0, end).join('\n'), signature: lines[end].trim() };
  }
  return { body: lines.join('\n'), signature: null };
}
