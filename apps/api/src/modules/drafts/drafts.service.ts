import { Injectable } from '@nestjs/common';
import type { DraftDto, saveDraftRequestSchema } from '@switchboard/contracts';
import type { z } from 'zod';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { notFound } from '../../core/http/app.exception';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { toDraftDto } from './draft.mapper';
import { DraftsRepository, type DraftKey } from './drafts.repository';

type SaveDraft = z.output<typeof saveDraftRequestSchema>;

/** The operator's own reply draft of a conversation; nobody else ever reads it. */
@Injectable()
export class DraftsService {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly conversations: ConversationsRepository,
  ) {}

  /** The draft, or null when there is none (a conversation without a draft is the usual case). */
  async get(op: AuthenticatedOperator, conversationId: string): Promise<DraftDto | null> {
    const key = await this.keyFor(op, conversationId);
    const draft = await this.drafts.find(key);
    return draft ? toDraftDto(draft) : null;
  }

  async save(op: AuthenticatedOperator, conversationId: string, req: SaveDraft): Promise<DraftDto> {
    const key = await this.keyFor(op, conversationId);
    return toDraftDto(await this.drafts.save(key, req.text, req.mode));
  }

  async discard(op: AuthenticatedOperator, conversationId: string): Promise<void> {
    const key = await this.keyFor(op, conversationId);
    await this.drafts.remove(this.conversations.manager, key);
  }

  private async keyFor(op: AuthenticatedOperator, conversationId: string): Promise<DraftKey> {
    if (!(await this.conversations.isVisibleTo(op, conversationId))) throw notFound('Conversation');
    return { accountId: op.accountId, operatorId: op.id, conversationId };
  }
}
