import type { BulgarianCatalog } from '../catalog';

/** Bulgarian for en-accessibility.ts: what screen readers are told. */
export const bgAccessibility = {
  'a11y.new_conversation': 'Нов разговор от {name} чрез {channel}',
} satisfies Partial<BulgarianCatalog>;
