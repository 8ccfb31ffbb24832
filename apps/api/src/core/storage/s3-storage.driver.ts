import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { sha256Hex, signV4 } from './sigv4';
import type { StorageDriver } from './storage-driver';

export interface S3Options {
  bucket: string;
  region: string;
  /** S3-compatible endpoint (MinIO, R2, …); path-style addressing is used when set. */
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** An S3-compatible bucket, spoken to with plain fetch and SigV4 (no SDK to carry). */
export class S3StorageDriver implements StorageDriver {
  constructor(private readonly opts: S3Options) {}

  async put(key: string, content: Buffer, contentType: string): Promise<void> {
    const res = await this.request('PUT', key, content, { 'content-type': contentType });
    if (!res.ok) throw new Error(`S3 PUT ${key} failed: ${res.status} ${await res.text()}`);
  }

  async get(key: string): Promise<Readable> {
    const res = await this.request('GET', key);
    if (!res.ok || !res.body) throw new Error(`S3 GET ${key} failed: ${res.status}`);
    return Readable.fromWeb(res.body as unknown as WebReadableStream);
  }

  async delete(key: string): Promise<void> {
    const res = await this.request('DELETE', key);
    if (!res.ok && res.status !== 404) throw new Error(`S3 DELETE ${key} failed: ${res.status}`);
  }

  private async request(
    method: string,
    key: string,
    body?: Buffer,
    extra: Record<string, string> = {},
  ) {
    const encodedKey = key.split('/').map(encodeURIComponent).join('/');
    const base = this.opts.endpoint
      ? new URL(`${this.opts.endpoint.replace(/\/$/, '')}/${this.opts.bucket}/${encodedKey}`)
      : new URL(`https://${this.opts.bucket}.s3.${this.opts.region}.amazonaws.com/${encodedKey}`);
    const amzDate = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const payloadHash = sha256Hex(body ?? '');
    const headers: Record<string, string> = {
      ...extra,
      'x-amz-content-sha256': payloadHash,
      'x-amz-date': amzDate,
    };
    headers['authorization'] = signV4(
      { method, host: base.host, path: base.pathname, headers, payloadHash },
      {
        accessKeyId: this.opts.accessKeyId,
        secretAccessKey: this.opts.secretAccessKey,
        region: this.opts.region,
        service: 's3',
      },
      amzDate,
    );
    return fetch(base, { method, headers, body: body ? new Uint8Array(body) : undefined });
  }
}
