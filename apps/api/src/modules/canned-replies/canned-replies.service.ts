import { Injectable } from '@nestjs/common';
import {
  firstNameOf,
  renderPlaceholders,
  supportedLanguage,
  replyTimePhrase,
  type CannedReplyDto,
  type CreateCannedReplyRequest,
  type RenderedCannedReplyDto,
  type UpdateCannedReplyRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException, notFound } from '../../core/http/app.exception';
import type { StoredFileEntity } from '../../core/storage/entities/stored-file.entity';
import { ConversationsService } from '../conversations/conversations.service';
import { InboxesService } from '../inboxes/inboxes.service';
import { toCannedReplyDto } from './canned-reply.mapper';
import {
  CannedRepliesRepository,
  isShortcutTaken,
  type CannedReplyChanges,
} from './canned-replies.repository';
import type { CannedReplyEntity } from './entities/canned-reply.entity';

/** Canned replies: shared ones are the admins' to change, personal ones their owner's. */
@Injectable()
export class CannedRepliesService {
  constructor(
    private readonly repo: CannedRepliesRepository,
    private readonly conversations: ConversationsService,
    private readonly inboxes: InboxesService,
  ) {}

  async list(op: AuthenticatedOperator): Promise<CannedReplyDto[]> {
    const replies = await this.repo.listVisible(op.accountId, op.id);
    const files = await this.filesOf(
      op.accountId,
      replies.flatMap((r) => r.attachmentIds),
    );
    return replies.map((r) => toCannedReplyDto(r, files));
  }

  async create(op: AuthenticatedOperator, req: CreateCannedReplyRequest): Promise<CannedReplyDto> {
    const scope = req.scope ?? 'personal';
    if (scope === 'shared') this.assertAdmin(op);
    const attachmentIds = await this.checkAttachments(op, req.attachmentIds ?? []);
    const reply = await this.saving(req.shortcut, () =>
      this.repo.insert({
        accountId: op.accountId,
        scope,
        ownerOperatorId: scope === 'personal' ? op.id : null,
        title: req.title,
        shortcut: req.shortcut,
        body: req.body,
        attachmentIds,
      }),
    );
    return this.toDto(op, reply);
  }

  async update(
    op: AuthenticatedOperator,
    id: string,
    req: UpdateCannedReplyRequest,
  ): Promise<CannedReplyDto> {
    const reply = await this.findEditable(op, id);
    const changes: CannedReplyChanges = {
      title: req.title,
      shortcut: req.shortcut,
      body: req.body,
      attachmentIds: req.attachmentIds && (await this.checkAttachments(op, req.attachmentIds)),
    };
    for (const key of Object.keys(changes) as (keyof CannedReplyChanges)[])
      if (changes[key] === undefined) delete changes[key];
    const updated = await this.saving(req.shortcut ?? reply.shortcut, () =>
      this.repo.update(reply.id, changes),
    );
    return this.toDto(op, updated);
  }

  async remove(op: AuthenticatedOperator, id: string): Promise<void> {
    const reply = await this.findEditable(op, id);
    await this.repo.delete(reply.id);
  }

  /**
   * The reply's text for one conversation the operator can see. Unknown placeholders are kept and
   * listed, so the composer can hold the send until the operator replaces them.
   */
  async render(
    op: AuthenticatedOperator,
    id: string,
    conversationId: string,
  ): Promise<RenderedCannedReplyDto> {
    const reply = await this.repo.findVisible(id, op.accountId, op.id);
    if (!reply) throw notFound('Canned reply');
    const conversation = await this.conversations.findSummary(op, conversationId);
    // Written for the customer: in their language when their channel told us, else the operator's.
    const languages = await this.repo.languages(conversation.id, op.id);
    const rendered = renderPlaceholders(reply.body, {
      'contact.name': conversation.contact.name,
      'contact.first_name': firstNameOf(conversation.contact.name),
      'operator.name': op.name,
      'conversation.number': String(conversation.number),
      'inbox.reply_time': replyTimePhrase(
        (await this.inboxes.row(conversation.inboxId, op.accountId)).businessHours,
        new Date(),
        supportedLanguage(languages.customer, languages.operator),
      ),
    });
    const dto = await this.toDto(op, reply);
    return {
      text: rendered.text,
      unknownPlaceholders: rendered.unknown,
      attachments: dto.attachments,
    };
  }

  private async findEditable(op: AuthenticatedOperator, id: string): Promise<CannedReplyEntity> {
    const reply = await this.repo.findVisible(id, op.accountId, op.id);
    if (!reply) throw notFound('Canned reply');
    if (reply.scope === 'shared') this.assertAdmin(op);
    return reply;
  }

  private assertAdmin(op: AuthenticatedOperator): void {
    if (op.role !== 'admin')
      throw new AppException('FORBIDDEN', 'Only admins can manage shared canned replies');
  }

  /** Every attachment must be a file uploaded to this account; duplicates collapse. */
  private async checkAttachments(op: AuthenticatedOperator, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const files = await this.filesOf(op.accountId, unique);
    const missing = unique.filter((id) => !files.has(id));
    if (missing.length > 0)
      throw new AppException('VALIDATION_FAILED', `Unknown attachment: ${missing.join(', ')}`);
    return unique;
  }

  private async saving<T>(shortcut: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (isShortcutTaken(err))
        throw new AppException('CONFLICT', `The shortcut "/${shortcut}" is already taken`);
      throw err;
    }
  }

  private async toDto(op: AuthenticatedOperator, reply: CannedReplyEntity) {
    return toCannedReplyDto(reply, await this.filesOf(op.accountId, reply.attachmentIds));
  }

  private async filesOf(
    accountId: string,
    ids: string[],
  ): Promise<ReadonlyMap<string, StoredFileEntity>> {
    const files = await this.repo.findFiles(accountId, [...new Set(ids)]);
    return new Map(files.map((f) => [f.id, f]));
  }
}
