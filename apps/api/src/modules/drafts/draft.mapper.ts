import type { DraftDto } from '@switchboard/contracts';
import type { DraftEntity } from './entities/draft.entity';

export const toDraftDto = (d: DraftEntity): DraftDto => ({
  conversationId: d.conversationId,
  text: d.text,
  mode: d.mode,
  updatedAt: d.updatedAt.toISOString(),
});
