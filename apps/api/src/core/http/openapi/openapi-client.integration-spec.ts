import { createConfig, lintFromString } from '@redocly/openapi-core';
import {
  createTestDatabase,
  startTestApi,
  TEST_ADMIN,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { GeneratedClientDir } from './testing/generated-client';
import { INTEGRATOR_PROGRAM, MISTYPED_PROGRAM } from './testing/integrator-program';

interface Operation {
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: object }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
    securitySchemes: Record<string, { type: string; scheme?: string; bearerFormat?: string }>;
  };
}

/** Pages for people, not endpoints: hidden from the document with @ApiExcludeController. */
const PAGES_NOT_IN_THE_API = [
  /^GET \/api\/widget-demo/,
  /^\w+ \/api\/csat\/:token/,
  /\/contact\/confirm/,
  // The help centre and the customer portal: server-rendered pages and their forms.
  /^\w+ \/help(\/|$)/,
  /^\w+ \/portal(\/|$)/,
  /^POST \/api\/widget\/:inboxId\/portal-link$/,
];

/** Express's registered routes, as `METHOD /path/:param` (as authorization.integration-spec). */
function registeredRoutes(api: TestApi): string[] {
  const express = api.app.getHttpAdapter().getInstance() as {
    router?: { stack: unknown[] };
    _router?: { stack: unknown[] };
  };
  const stack = (express.router ?? express._router)?.stack ?? [];
  return stack.flatMap((layer) => {
    const route = (layer as { route?: { path: string; methods: Record<string, boolean> } }).route;
    if (!route || Object.keys(route.methods).length > 3) return [];
    return Object.keys(route.methods)
      .filter((m) => route.methods[m] && m !== '_all')
      .map((m) => `${m.toUpperCase()} ${route.path}`);
  });
}

/**
 * The document at /api/docs is what integrators generate clients from: this generates one
 * (openapi-typescript + openapi-fetch), type-checks a client program against it, runs it against
 * the live API, and holds every route to a documented answer.
 */
describe('OpenAPI for integrators', () => {
  let db: TestDatabase;
  let api: TestApi;
  let doc: Document;
  let client: GeneratedClientDir;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    doc = (await (await fetch(`${api.baseUrl}/api/docs/openapi.json`)).json()) as Document;
    client = await GeneratedClientDir.fromDocument(doc);
  });

  afterAll(async () => {
    await client?.remove();
    await api?.close().catch(() => undefined);
    await db?.drop();
  });

  it('is a valid OpenAPI 3 document', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    const config = await createConfig({
      rules: {
        struct: 'error',
        'no-unresolved-refs': 'error',
        'operation-operationId-unique': 'error',
        'path-parameters-defined': 'error',
        'no-identical-paths': 'error',
        'operation-2xx-response': 'error',
        'no-enum-type-mismatch': 'error',
        'no-example-value-and-externalValue': 'error',
      },
    });
    const problems = await lintFromString({ source: JSON.stringify(doc), config });
    expect(problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual(
      [],
    );
  });

  it('documents every registered route with a 2xx answer and the shared error shape', () => {
    const missing: string[] = [];
    for (const route of registeredRoutes(api)) {
      if (route.includes('/api/docs') || PAGES_NOT_IN_THE_API.some((p) => p.test(route))) continue;
      const [method = '', path = ''] = route.split(' ');
      const op = doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      if (!op) {
        missing.push(`${route}: not in the document`);
        continue;
      }
      const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      const described = success.some(
        ([status, r]) =>
          status === '204' || Object.values(r.content ?? {}).some((media) => media.schema),
      );
      if (!described) missing.push(`${route}: no 2xx response schema`);
      if (op.responses['4XX']?.$ref !== '#/components/responses/Error')
        missing.push(`${route}: 4XX is not the shared error`);
    }
    expect(missing).toEqual([]);
    expect(doc.components.schemas['ApiError']?.required).toEqual(['statusCode', 'code', 'message']);
  });

  it('describes the real authentication: an opaque bearer session or the cookie with CSRF', () => {
    const schemes = doc.components.securitySchemes;
    expect(schemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(schemes['bearer']?.bearerFormat).not.toMatch(/jwt/i);
    expect(schemes['sessionCookie']).toMatchObject({ type: 'apiKey', in: 'cookie' });
    expect(schemes['csrfToken']).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-CSRF-Token',
    });
    expect(doc.paths['/api/conversations/{id}/close']?.['post']?.security).toEqual([
      { bearer: [] },
      { sessionCookie: [], csrfToken: [] },
    ]);
    expect(doc.paths['/api/conversations']?.['get']?.security).toEqual([
      { bearer: [] },
      { sessionCookie: [] },
    ]);
    expect(doc.paths['/api/auth/login']?.['post']?.security).toEqual([]);
    expect(doc.paths['/api/webhooks/{inboxId}']?.['post']?.security).toEqual([]);
  });

  it('generates a typed client that signs in, receives, replies and reads errors', async () => {
    const checked = await client.typeCheck({
      integrator: INTEGRATOR_PROGRAM,
      mistyped: MISTYPED_PROGRAM,
    });
    expect(checked['integrator']).toEqual([]);
    // The generated types are real: misusing a response body does not compile.
    expect(checked['mistyped']?.join('\n')).toMatch(/not assignable to type 'string'/);
    expect(checked['mistyped']?.join('\n')).toMatch(/noSuchField/);

    const program = client.load<{
      run: (baseUrl: string, email: string, password: string) => Promise<Observed>;
    }>(INTEGRATOR_PROGRAM);
    const seen = await program.run(api.baseUrl, TEST_ADMIN.email, TEST_ADMIN.password);

    expect(seen.operatorEmail).toBe(TEST_ADMIN.email);
    expect(seen.inboundUrl).toMatch(/\/api\/webhooks\/[0-9a-f-]{36}$/);
    expect(seen.delivered).toEqual({ received: 1, stored: 1, duplicates: 0 });
    expect(seen.conversation).toMatchObject({ status: 'open', contactName: 'Ada' });
    expect(seen.messages.map((m) => m.text)).toEqual(
      expect.arrayContaining(['Where is my order?', 'It ships today.']),
    );
    expect(seen.reply.text).toBe('It ships today.');

    const errorKeys = Object.keys(doc.components.schemas['ApiError']?.properties ?? {});
    for (const [outcome, status, code] of [
      [seen.forged, 401, 'WEBHOOK_SIGNATURE_INVALID'],
      [seen.missing, 404, 'NOT_FOUND'],
      [seen.invalid, 400, 'VALIDATION_FAILED'],
    ] as const) {
      expect(outcome.status).toBe(status);
      expect(outcome.error).toMatchObject({ statusCode: status, code });
      expect(typeof outcome.error?.message).toBe('string');
      // Nothing in the answer that the documented shape does not name.
      expect(Object.keys(outcome.error ?? {}).filter((k) => !errorKeys.includes(k))).toEqual([]);
    }
  });
});

interface Observed {
  operatorEmail: string;
  inboundUrl: string;
  delivered: { received: number; stored: number; duplicates: number };
  conversation: { id: string; number: number; status: string; contactName: string | null };
  messages: Array<{ text: string | null; direction: string }>;
  reply: { id: string; text: string | null };
  forged: { status: number; error?: Record<string, unknown> };
  missing: { status: number; error?: Record<string, unknown> };
  invalid: { status: number; error?: Record<string, unknown> };
}
