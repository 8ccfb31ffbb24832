import type { ConversationSummaryDto } from '@switchboard/contracts';
import type { Matchable } from './fuzzy-match';

/** The palette's sections, in the order they are shown. */
export const PALETTE_GROUPS = ['conversations', 'actions', 'navigation'] as const;
export type PaletteGroup = (typeof PALETTE_GROUPS)[number];

/** One row of the palette: what it says, what else finds it, and what Enter does. */
export interface PaletteItem extends Matchable {
  /** Stable across renders (the option's id derives from it). */
  id: string;
  group: PaletteGroup;
  /** Secondary text: a time, a status, a shortcut. */
  hint?: string;
  /** Runs after the palette has closed and focus is back where it was. */
  run: () => void;
  /** A conversation row's summary (for the row's look and tests). */
  conversation?: ConversationSummaryDto;
}
