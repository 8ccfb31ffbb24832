import { findPlaceholders } from './canned-placeholders';
import { safeText } from './safe-text';

/**
 * What a signature may say, filled in when the reply is sent. `{{operator.signature}}` only in the
 * inbox's signature: it places the operator's own one (see composeSignature).
 */
export const SIGNATURE_PLACEHOLDERS = [
  'operator.name',
  'operator.email',
  'inbox.name',
  'inbox.address',
  'operator.signature',
] as const;
export type SignaturePlaceholder = (typeof SIGNATURE_PLACEHOLDERS)[number];
export type SignatureOwner = 'inbox' | 'operator';

export const MAX_SIGNATURE_LENGTH = 2000;

export function allowedSignaturePlaceholders(owner: SignatureOwner): readonly string[] {
  return owner === 'inbox'
    ? SIGNATURE_PLACEHOLDERS
    : SIGNATURE_PLACEHOLDERS.filter((p) => p !== 'operator.signature');
}

/** Placeholders the signature holds that nothing would fill, each once, in order of appearance. */
export function unknownSignaturePlaceholders(template: string, owner: SignatureOwner): string[] {
  const allowed = allowedSignaturePlaceholders(owner);
  return findPlaceholders(template).filter((name) => !allowed.includes(name));
}

/** A signature as stored: text of bounded length whose placeholders are all known. */
export function signatureTemplateSchema(owner: SignatureOwner) {
  return safeText()
    .max(MAX_SIGNATURE_LENGTH, `A signature has at most ${MAX_SIGNATURE_LENGTH} characters`)
    .superRefine((value, ctx) => {
      const unknown = unknownSignaturePlaceholders(value, owner);
      if (unknown.length === 0) return;
      const allowed = allowedSignaturePlaceholders(owner)
        .map((p) => `{{${p}}}`)
        .join(', ');
      ctx.addIssue({
        code: 'custom',
        message: `unknown placeholder {{${unknown.join('}}, {{')}}}; a signature may use ${allowed}`,
      });
    });
}

export type SignatureValues = Record<Exclude<SignaturePlaceholder, 'operator.signature'>, string>;

const OPEN = '{{';
const CLOSE = '}}';
const MAX_NAME = 64;

/**
 * Fills `{{name}}` in one left-to-right pass with `indexOf` (no regular expression: linear in the
 * text whatever it holds). A placeholder with no value becomes nothing: a customer never reads
 * braces, even from a signature saved before a placeholder was renamed.
 */
export function fillSignature(template: string, values: Record<string, string>): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = template.indexOf(OPEN, from);
    if (open < 0) break;
    const window = template.slice(open + OPEN.length, open + OPEN.length + MAX_NAME + CLOSE.length);
    const closeAt = window.indexOf(CLOSE);
    const nested = window.indexOf(OPEN);
    if (closeAt < 0 || (nested >= 0 && nested < closeAt)) {
      out += template.slice(from, open + 1);
      from = open + 1;
      continue;
    }
    const name = window.slice(0, closeAt).trim();
    out += template.slice(from, open);
    if (Object.prototype.hasOwnProperty.call(values, name)) out += values[name];
    from = open + OPEN.length + closeAt + CLOSE.length;
  }
  return out + template.slice(from);
}

/**
 * The signature a reply carries. The inbox's signature may place the operator's with
 * `{{operator.signature}}`; if it does not, the operator's comes first, then a blank line, then
 * the inbox's. Either may be empty; null when both are.
 */
export function composeSignature(
  signatures: { inbox: string | null | undefined; operator: string | null | undefined },
  values: SignatureValues,
): string | null {
  const operator = fillSignature(signatures.operator ?? '', values).trim();
  const inbox = signatures.inbox ?? '';
  const combined = findPlaceholders(inbox).includes('operator.signature')
    ? fillSignature(inbox, { ...values, 'operator.signature': operator }).trim()
    : [operator, fillSignature(inbox, values).trim()]
        .filter((part) => part.length > 0)
        .join('\n\n');
  return combined.length > 0 ? combined : null;
}
