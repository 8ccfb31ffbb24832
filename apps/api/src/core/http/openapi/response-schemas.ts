import generated from './response-schemas.generated.json';

export type JsonSchema = { [key: string]: unknown };

/** What one route answers with, by its operationId. */
export interface RouteResponse {
  status: number;
  /** null: no body (204, or a handler that returns nothing). */
  schema?: JsonSchema | null;
  /** The handler writes the answer itself; its own @ApiOkResponse describes it (and `schema`
   * its JSON form, if it has one). */
  raw?: true;
  /** Absent: an operator session. `public`: @Public(). `visitor`: the widget's visitor token. */
  caller?: 'public' | 'visitor';
}

export interface ResponseSchemas {
  operations: Record<string, RouteResponse>;
  schemas: Record<string, JsonSchema>;
}

/**
 * Generated from the controllers' return types by response-schemas.spec.ts (run it with
 * UPDATE_OPENAPI_RESPONSES=1 after changing what a route answers; it fails while stale).
 */
export const RESPONSE_SCHEMAS: ResponseSchemas = generated as ResponseSchemas;
