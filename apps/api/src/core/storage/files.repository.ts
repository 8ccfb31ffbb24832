import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { StoredFileEntity } from './entities/stored-file.entity';

export type NewStoredFile = Pick<
  StoredFileEntity,
  'id' | 'accountId' | 'storageKey' | 'filename' | 'contentType' | 'size' | 'sha256' | 'contentId'
>;

/** Attachments' metadata (`files`); the bytes are the storage driver's. */
@Injectable()
export class FilesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Inside the caller's transaction when there is one (e.g. a message and its attachments). */
  async insert(em: EntityManager, file: NewStoredFile): Promise<void> {
    await em.getRepository(StoredFileEntity).insert(file);
  }

  findById(id: string): Promise<StoredFileEntity | null> {
    return this.ds.getRepository(StoredFileEntity).findOneBy({ id });
  }
}
