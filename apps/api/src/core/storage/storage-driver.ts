import type { Readable } from 'node:stream';

/** Where attachment bytes live. The database keeps metadata; drivers keep bytes. */
export interface StorageDriver {
  put(key: string, content: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
}

export const STORAGE_DRIVER = Symbol('STORAGE_DRIVER');
