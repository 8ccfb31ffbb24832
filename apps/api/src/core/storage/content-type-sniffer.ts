/**
 * Checks a file's real type from its first bytes. A declared type that the bytes contradict is
 * replaced, so a script labelled image/png is stored as what it is.
 */
const SIGNATURES: Array<{ type: string; bytes: number[]; offset?: number }> = [
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'image/webp', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
];

export function sniffContentType(content: Buffer): string | null {
  for (const sig of SIGNATURES) {
    const offset = sig.offset ?? 0;
    if (
      content.length >= offset + sig.bytes.length &&
      sig.bytes.every((b, i) => content[offset + i] === b)
    ) {
      return sig.type;
    }
  }
  return null;
}

/** The type we record: the sniffed one when known, else the declared one unless it claims a sniffable kind. */
export function verifiedContentType(declared: string, content: Buffer): string {
  const sniffed = sniffContentType(content);
  if (sniffed) return sniffed;
  const d = declared.toLowerCase().split(';')[0]?.trim() ?? '';
  const claimsBinaryKind = SIGNATURES.some((s) => s.type === d);
  if (!d || claimsBinaryKind) return 'application/octet-stream';
  return d;
}

/** Types a browser could execute or render as a page: always served as opaque downloads. */
export function isActiveContent(type: string): boolean {
  return /(html|svg|xml|javascript|ecmascript|x-sh|wasm)/i.test(type);
}
