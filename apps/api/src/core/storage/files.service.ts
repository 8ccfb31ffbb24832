import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AttachmentDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { Readable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { queryOne } from '../database/sql-rows';
import { AppException } from '../http/app.exception';
import { verifiedContentType } from './content-type-sniffer';
import { STORAGE_DRIVER, type StorageDriver } from './storage-driver';

export interface NewFile {
  filename: string;
  contentType: string;
  content: Buffer;
  contentId?: string | null;
}

export interface StoredFile {
  id: string;
  account_id: string;
  storage_key: string;
  filename: string;
  content_type: string;
  size: string;
  content_id: string | null;
}

/** Attachments: bytes in the storage driver, metadata in `files`, served only as downloads. */
@Injectable()
export class FilesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(STORAGE_DRIVER) private readonly driver: StorageDriver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async store(
    accountId: string,
    file: NewFile,
    em: EntityManager = this.ds.manager,
  ): Promise<AttachmentDto> {
    if (file.content.length > this.config.MAX_UPLOAD_BYTES) {
      throw new AppException(
        'PAYLOAD_TOO_LARGE',
        `Attachment ${file.filename} is larger than ${this.config.MAX_UPLOAD_BYTES} bytes`,
      );
    }
    const id = randomUUID();
    const contentType = verifiedContentType(file.contentType, file.content);
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const key = `${accountId}/${id.slice(0, 2)}/${id}`;
    await this.driver.put(key, file.content, contentType);
    const filename = safeFilename(file.filename);
    await em.query(
      `INSERT INTO files (id, account_id, storage_key, filename, content_type, size, sha256, content_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        accountId,
        key,
        filename,
        contentType,
        file.content.length,
        sha256,
        file.contentId ?? null,
      ],
    );
    return toAttachmentDto({
      id,
      filename,
      content_type: contentType,
      size: String(file.content.length),
      content_id: file.contentId ?? null,
    });
  }

  async find(id: string): Promise<StoredFile | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    return queryOne<StoredFile>(this.ds.manager, 'SELECT * FROM files WHERE id = $1', [id]);
  }

  async read(file: StoredFile): Promise<Readable> {
    return this.driver.get(file.storage_key);
  }

  async readBuffer(file: StoredFile): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.read(file)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}

export function toAttachmentDto(
  f: Pick<StoredFile, 'id' | 'filename' | 'content_type' | 'size' | 'content_id'>,
): AttachmentDto {
  return {
    id: f.id,
    filename: f.filename,
    contentType: f.content_type,
    size: Number(f.size),
    // File ids are random UUIDs: the URL itself is the capability, so <img> tags work without headers.
    url: `/api/files/${f.id}/${encodeURIComponent(f.filename)}`,
    contentId: f.content_id,
  };
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE_FILENAME_CHARS = /[\u0000-\u001f\u007f/\\]/g;

export function safeFilename(name: string): string {
  const cleaned = name.replace(UNSAFE_FILENAME_CHARS, '_').trim().slice(0, 200);
  return cleaned || 'attachment';
}
