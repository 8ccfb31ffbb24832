import type { RussianCatalog } from '../catalog';

/** Russian for en-accessibility.ts: what screen readers are told. */
export const ruAccessibility = {
  'a11y.new_conversation': 'Новый диалог: {name}, через {channel}',
} satisfies Partial<RussianCatalog>;
