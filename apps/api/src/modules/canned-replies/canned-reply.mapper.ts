import type { CannedReplyDto } from '@switchboard/contracts';
import type { StoredFileEntity } from '../../core/storage/entities/stored-file.entity';
import { toAttachmentDto } from '../../core/storage/files.mapper';
import type { CannedReplyEntity } from './entities/canned-reply.entity';

/** `files`: the stored files by id; an attachment deleted since is left out. */
export function toCannedReplyDto(
  reply: CannedReplyEntity,
  files: ReadonlyMap<string, StoredFileEntity>,
): CannedReplyDto {
  return {
    id: reply.id,
    scope: reply.scope,
    ownerOperatorId: reply.ownerOperatorId,
    title: reply.title,
    shortcut: reply.shortcut,
    body: reply.body,
    attachments: reply.attachmentIds.flatMap((id) => {
      const file = files.get(id);
      return file ? [toAttachmentDto(file)] : [];
    }),
    createdAt: reply.createdAt.toISOString(),
    updatedAt: reply.updatedAt.toISOString(),
  };
}
