import type { ArabicCatalog } from '../catalog';

/** Arabic for en-accessibility.ts: what screen readers are told. */
export const arAccessibility = {
  'a11y.new_conversation': 'محادثة جديدة من {name} عبر {channel}',
} satisfies Partial<ArabicCatalog>;
