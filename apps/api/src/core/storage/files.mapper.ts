import type { AttachmentDto } from '@switchboard/contracts';
import type { StoredFileEntity } from './entities/stored-file.entity';

/** What an AttachmentDto shows of a stored file. */
export type AttachmentFields = Pick<
  StoredFileEntity,
  'id' | 'filename' | 'contentType' | 'size' | 'contentId'
>;

export function toAttachmentDto(f: AttachmentFields): AttachmentDto {
  return {
    id: f.id,
    filename: f.filename,
    contentType: f.contentType,
    size: Number(f.size),
    // Served to an operator session of the account: the SPA's cookie makes <img> tags just work.
    url: `/api/files/${f.id}/${encodeURIComponent(f.filename)}`,
    contentId: f.contentId,
  };
}
