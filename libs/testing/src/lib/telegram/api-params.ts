import { badRequest } from './bot-api-error';
import type { UploadedPart } from './multipart-form';
import type { ApiRequestPayload } from './read-api-request';

/** A file parameter: an upload in this request, or a file_id / URL string. */
export type FileInput =
  { kind: 'upload'; part: UploadedPart } | { kind: 'reference'; value: string };

/**
 * Typed access to a call's parameters. Form and multipart requests carry every value as a string
 * (objects JSON-encoded), JSON requests carry real types: both are accepted, as Telegram does.
 */
export class ApiParams {
  constructor(private readonly payload: ApiRequestPayload) {}

  static of(fields: Record<string, unknown>): ApiParams {
    return new ApiParams({ fields, files: new Map() });
  }

  private raw(name: string): unknown {
    const value = this.payload.fields[name];
    return value === null ? undefined : value;
  }

  string(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw badRequest(`field "${name}" must be of type String`);
  }

  integer(name: string): number | undefined {
    const value = this.raw(name);
    if (value === undefined || value === '') return undefined;
    const number = typeof value === 'string' ? Number(value.trim()) : value;
    if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
      throw badRequest(`field "${name}" must be of type Integer`);
    }
    return number;
  }

  boolean(name: string): boolean {
    const value = this.raw(name);
    return value === true || value === 'true' || value === 1 || value === '1';
  }

  /** A JSON-serialized parameter (entities, reply_parameters, media, allowed_updates…). */
  json(name: string): unknown {
    const value = this.raw(name);
    if (typeof value !== 'string') return value;
    if (value === '') return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw badRequest(`can't parse ${name} JSON object`);
    }
  }

  /** A string `attach://<name>` refers to an uploaded part; a part under the parameter's own name is also an upload. */
  file(name: string): FileInput | undefined {
    const value = this.raw(name);
    if (typeof value === 'string' && value !== '') return this.fileReference(value);
    const direct = this.payload.files.get(name);
    return direct ? { kind: 'upload', part: direct } : undefined;
  }

  fileReference(value: string): FileInput {
    if (!value.startsWith('attach://')) return { kind: 'reference', value };
    const part = this.payload.files.get(value.slice('attach://'.length));
    if (!part) throw badRequest(`can't find attached file "${value}"`);
    return { kind: 'upload', part };
  }
}
