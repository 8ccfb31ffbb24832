/** Characters an address we send to may not hold: they would split or re-shape a header. */
const FORBIDDEN = ' \t\r\n<>()[]\\,;:"';
const MAX_LOCAL = 64;
const MAX_ADDRESS = 254;

/**
 * A plain `local@domain.tld` address, checked in one pass without a regular expression (no
 * backtracking, whatever is typed): one `@`, a local part of at most 64 characters, a domain of
 * dot-separated labels (letters, digits, hyphens; none empty or starting/ending with a hyphen)
 * with at least one dot. Quoted local parts and IP literals are refused: nobody types them into Cc.
 */
export function isEmailAddress(value: string): boolean {
  if (value.length === 0 || value.length > MAX_ADDRESS) return false;
  const at = value.indexOf('@');
  if (at <= 0 || at > MAX_LOCAL || at !== value.lastIndexOf('@')) return false;
  for (const c of value.slice(0, at)) {
    const code = c.charCodeAt(0);
    if (code <= 0x20 || code === 0x7f || FORBIDDEN.includes(c)) return false;
  }
  const domain = value.slice(at + 1);
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  return labels.every(isDomainLabel);
}

function isDomainLabel(label: string): boolean {
  if (label.length === 0 || label.length > 63) return false;
  if (label.startsWith('-') || label.endsWith('-')) return false;
  for (const c of label) {
    const ok =
      (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '-';
    // Internationalised domain names are typed as they read: let the mail server judge them.
    if (!ok && c.charCodeAt(0) < 0x80) return false;
  }
  return true;
}

/**
 * The addresses in what an operator typed into Cc ("a@x.com, Bo <b@y.org>; c@z.net"): split on
 * commas, semicolons and line breaks; `Name <address>` keeps both. Each piece that is not an
 * address comes back in `invalid`, as typed; an address typed twice is kept once. Linear: one
 * split, then `indexOf` per piece.
 */
export function parseAddressList(text: string): {
  recipients: Array<{ address: string; name: string | null }>;
  invalid: string[];
} {
  const recipients: Array<{ address: string; name: string | null }> = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const piece = raw.trim();
    if (!piece) continue;
    const open = piece.lastIndexOf('<');
    const bracketed = open >= 0 && piece.endsWith('>');
    const address = (bracketed ? piece.slice(open + 1, -1) : piece).trim().toLowerCase();
    const name = bracketed ? unquote(piece.slice(0, open).trim()) : '';
    if (!isEmailAddress(address)) invalid.push(piece);
    else if (!recipients.some((r) => r.address === address))
      recipients.push({ address, name: name || null });
  }
  return { recipients, invalid };
}

/** `Name <address>` as one would type it into Cc; the address alone without a name. */
export function formatAddress(recipient: { address: string; name: string | null }): string {
  return recipient.name ? `${recipient.name} <${recipient.address}>` : recipient.address;
}

function unquote(name: string): string {
  return name.length >= 2 && name.startsWith('"') && name.endsWith('"') ? name.slice(1, -1) : name;
}
