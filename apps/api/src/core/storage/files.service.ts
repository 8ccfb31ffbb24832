import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AttachmentDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { Readable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppException } from '../http/app.exception';
import { verifiedContentType } from './content-type-sniffer';
import type { StoredFileEntity } from './entities/stored-file.entity';
import { toAttachmentDto } from './files.mapper';
import { FileLinkSigner } from './file-link-signer';
import { FilesRepository } from './files.repository';
import { STORAGE_DRIVER, type StorageDriver } from './storage-driver';

export { toAttachmentDto } from './files.mapper';

export interface NewFile {
  filename: string;
  contentType: string;
  content: Buffer;
  contentId?: string | null;
}

/** A stored file's metadata. */
export type StoredFile = StoredFileEntity;

/** Attachments: bytes in the storage driver, metadata in `files`, served only as downloads. */
@Injectable()
export class FilesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly filesRepo: FilesRepository,
    @Inject(STORAGE_DRIVER) private readonly driver: StorageDriver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.links = new FileLinkSigner(config.APP_SECRET);
  }

  private readonly links: FileLinkSigner;

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
    const stored = {
      id,
      accountId,
      storageKey: key,
      filename: safeFilename(file.filename),
      contentType,
      size: String(file.content.length),
      sha256,
      contentId: file.contentId ?? null,
    };
    await this.filesRepo.insert(em, stored);
    return toAttachmentDto(stored);
  }

  /**
   * A path that downloads the file without a session until it expires (an operator's shared
   * link, a provider fetching media we send). Relative: callers add the public base URL.
   */
  signedPath(file: { id: string; filename: string }, ttlSeconds: number) {
    const { expires, signature } = this.links.sign(
      file.id,
      new Date(Date.now() + ttlSeconds * 1000),
    );
    const query = new URLSearchParams({ expires, signature });
    return {
      path: `/api/files/${file.id}/${encodeURIComponent(file.filename)}?${query.toString()}`,
      expiresAt: new Date(Number(expires) * 1000),
    };
  }

  async find(id: string): Promise<StoredFile | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const file = await this.filesRepo.findById(id);
    return file;
  }

  async read(file: Pick<StoredFileEntity, 'storageKey'>): Promise<Readable> {
    return this.driver.get(file.storageKey);
  }

  /**
   * Deletes the bytes of files whose metadata is already gone (committed), so a rolled-back
   * deletion never leaves a row pointing at nothing. Returns the keys that could not be deleted.
   */
  async deleteBytes(storageKeys: string[]): Promise<string[]> {
    const failed: string[] = [];
    for (const key of storageKeys) await this.driver.delete(key).catch(() => failed.push(key));
    return failed;
  }

  async readBuffer(file: Pick<StoredFileEntity, 'storageKey'>): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.read(file)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE_FILENAME_CHARS = /[\u0000-\u001f\u007f/\\]/g;

export function safeFilename(name: string): string {
  const cleaned = name.replace(UNSAFE_FILENAME_CHARS, '_').trim().slice(0, 200);
  return cleaned || 'attachment';
}
