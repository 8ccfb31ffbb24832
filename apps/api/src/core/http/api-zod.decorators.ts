import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { z, type ZodObject, type ZodType } from 'zod';

type JsonSchema = Record<string, unknown>;

function toOpenApi(schema: ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  delete json['$schema'];
  return json;
}

/** Documents a request body with the same zod schema that validates it. */
export const ApiZodBody = (schema: ZodType) => ApiBody({ schema: toOpenApi(schema) });

/** Documents each query parameter of a zod object schema. */
export function ApiZodQuery(schema: ZodObject) {
  const json = toOpenApi(schema) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  const decorators = Object.entries(json.properties ?? {}).map(([name, s]) =>
    ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: s }),
  );
  return applyDecorators(...decorators);
}
