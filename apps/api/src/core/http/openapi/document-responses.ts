import type { OpenAPIObject } from '@nestjs/swagger';
import { API_ERROR_CODES } from '@switchboard/contracts';
import { RESPONSE_SCHEMAS, type JsonSchema, type ResponseSchemas } from './response-schemas';

type Operation = OpenAPIObject['paths'][string]['get'] & object;
type Responses = Operation['responses'];

export const ERROR_SCHEMA = 'ApiError';
const ERROR_RESPONSE = 'Error';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The body of every 4xx and 5xx answer (ApiErrorDto, written by ApiExceptionFilter). */
const apiErrorSchema: JsonSchema = {
  type: 'object',
  description:
    'Every error answer. `code` is stable and machine-readable; `message` says what to fix.',
  properties: {
    statusCode: { type: 'integer', description: 'The HTTP status, repeated', example: 404 },
    code: { type: 'string', enum: [...API_ERROR_CODES], example: 'NOT_FOUND' },
    message: { type: 'string', example: 'Conversation not found' },
    details: {
      description:
        'Extra facts for some codes: the failing fields of VALIDATION_FAILED (`[{path, message}]`), who replied first for REPLY_COLLISION, …',
    },
    requestId: { type: 'string', description: 'Quote it when asking for support' },
  },
  required: ['statusCode', 'code', 'message'],
};

/**
 * Gives every operation the body it answers with (from the generated schemas, keyed by Nest's
 * operationId) and the shared error shape for 4XX and 5XX.
 */
export function documentResponses(
  doc: OpenAPIObject,
  generated: ResponseSchemas = RESPONSE_SCHEMAS,
): OpenAPIObject {
  doc.components = {
    ...doc.components,
    schemas: { ...doc.components?.schemas, ...generated.schemas, [ERROR_SCHEMA]: apiErrorSchema },
    responses: {
      ...doc.components?.responses,
      [ERROR_RESPONSE]: {
        description: 'An error; the body says which and why',
        content: {
          'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } },
        },
      },
    },
  };
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      const route = op?.operationId ? generated.operations[op.operationId] : undefined;
      if (!op || !route) continue;
      op.responses = {
        ...successResponses(op.responses, route),
        '4XX': { $ref: `#/components/responses/${ERROR_RESPONSE}` },
        '5XX': { $ref: `#/components/responses/${ERROR_RESPONSE}` },
      };
    }
  }
  return doc;
}

function successResponses(
  existing: Responses,
  route: ResponseSchemas['operations'][string],
): Responses {
  const status = String(route.status);
  if (route.raw) {
    // Described by the handler's own decorator; the generator adds the JSON form, if any.
    const own = existing[status] ?? { description: '' };
    if (!route.schema || '$ref' in own) return { [status]: own };
    return {
      [status]: {
        ...own,
        content: { ...own.content, 'application/json': { schema: route.schema } },
      },
    };
  }
  if (!route.schema) return { [status]: { description: 'Done; no body' } };
  return {
    [status]: {
      description: 'OK',
      content: { 'application/json': { schema: route.schema } },
    },
  };
}
