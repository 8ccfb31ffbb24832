import { PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';

/** Parses a body, query or param with a shared zod schema; a ZodError becomes a 400 with reasons. */
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    return this.schema.parse(value ?? {});
  }
}

export const parseWith = <T>(schema: ZodType<T>) => new ZodValidationPipe(schema);
