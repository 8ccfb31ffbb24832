import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  apiInboundBodySchema,
  signApiPayload,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from '@switchboard/channels-api';
import type { ConversationSummaryDto, InboxDto, MessageDto, Page } from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { z } from 'zod';
import { WidgetVisitorClient } from '../../modules/webchat/testing/widget-visitor-client';
import { STORAGE_REFUSED } from './storage-refusal';
import {
  adversarialString,
  bodyFor,
  bodyText,
  malformedSegment,
  operationsOf,
  rawGarbage,
  validFor,
  valueFor,
  type FuzzOperation,
  type JsonSchema,
  type OpenApiDocument,
} from './testing/route-fuzz';

const SHOP = 'https://shop.example';
/** The whole fuzz run's budget; the suite's time limit stays well above it. */
const BUDGET_MS = Number(process.env['ROUTE_FUZZ_BUDGET_MS'] ?? 30_000);
/** Fixed, so `npm test` is repeatable; ROUTE_FUZZ_SEED=random explores (the seed is in any failure). */
const SEED =
  process.env['ROUTE_FUZZ_SEED'] === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env['ROUTE_FUZZ_SEED'] ?? 20_260_914);
/** Routes that would end the fuzzing session itself: fuzzed with foreign credentials only. */
const ENDS_SESSION = /\/auth\/(logout|password)$/;

type Auth = 'admin' | 'anonymous' | 'garbage' | 'visitor';

/**
 * Every route the OpenAPI document lists, called with generated ids, query parameters and bodies
 * (control characters, broken Unicode, huge and wrong-typed values, missing fields, prototype
 * pollution keys, malformed ids and encodings), as an admin, anonymously, with a forged token
 * and as a widget visitor. No answer may be a 5xx, and none may come from the database refusing
 * a value (validation must have said no first).
 */
describe('route fuzz', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let adminToken: string;
  let visitorToken: string;
  let signingSecret: string;
  /** Real ids by what they name, so most generated requests reach the route's own code. */
  const ids = {
    conversation: [] as string[],
    message: [] as string[],
    apiInbox: '',
    webchatInbox: '',
    file: [] as string[],
    visitorFile: [] as string[],
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    adminToken = session.login.token;
    const { inbox, customer, signingSecret: secret } = await createApiInbox(admin);
    signingSecret = secret;
    await customer.say('Hello, I need help with my order', 'fuzz-seed-1');
    const conv = (await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations'))
      .items[0]!;
    const note = await admin.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      kind: 'note',
      text: 'seed note',
    });
    const webchat = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Fuzz chat',
      settings: { allowedOrigins: [SHOP] },
      secrets: { hmacSecret: 'route-fuzz-webchat-secret-0123456789ab' },
    });
    const visitor = new WidgetVisitorClient(api.baseUrl, webchat.id, SHOP);
    await visitor.session();
    visitorToken = visitor.token!;
    const said = await visitor.say('A visitor question');
    const file = await uploadFile(api.baseUrl, adminToken);
    const visitorConv = (
      await admin.ok<Page<ConversationSummaryDto>>(
        'GET',
        `/api/conversations?inboxId=${webchat.id}`,
      )
    ).items[0];
    ids.conversation = [conv.id, ...(visitorConv ? [visitorConv.id] : [])];
    ids.message = [
      note.id,
      ...((said.body as { id?: string }).id ? [(said.body as { id: string }).id] : []),
    ];
    ids.apiInbox = inbox.id;
    ids.webchatInbox = webchat.id;
    ids.file = file ? [file] : [randomUUID()];
    ids.visitorFile = [randomUUID()];
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it(
    'never answers 5xx or lets the database refuse a value, on any route',
    async () => {
      const doc = (await (
        await fetch(`${api.baseUrl}/api/docs/openapi.json`)
      ).json()) as OpenApiDocument;
      const operations = operationsOf(doc);
      expect(operations.length).toBeGreaterThan(20);
      const started = Date.now();
      let requests = 0;
      const statuses = new Map<string, Record<number, number>>();
      for (const [i, op] of operations.entries()) {
        let failure: string | null = null;
        const seen: Record<number, number> = {};
        statuses.set(`${op.method} ${op.path}`, seen);
        const property = fc.asyncProperty(requestFor(op), async (req) => {
          requests++;
          const problem = await send(req, seen);
          if (problem) failure = problem;
          return problem === null;
        });
        // Five tries per route whatever the load, then as many as the rest of the budget allows
        // (shared by the routes still to go, so a slow route does not starve the others).
        const left = BUDGET_MS - (Date.now() - started);
        const perOperation = Math.max(50, Math.floor(left / (operations.length - i)));
        for (const options of [
          { numRuns: 5, seed: SEED, endOnFailure: true },
          {
            numRuns: 200,
            seed: SEED + 1,
            interruptAfterTimeLimit: perOperation,
            endOnFailure: true,
          },
        ]) {
          const details = await fc.check(property, options);
          // A run cut short by the time budget on a busy machine reports no problem and no
          // counterexample: only a real problem (a 5xx, a refused value) or a counterexample fails.
          if (failure !== null || (details.failed && details.counterexample !== null))
            throw new Error(
              `${op.method} ${op.path}: ${failure ?? String(details.errorInstance)}\n(seed ${options.seed}, path ${details.counterexamplePath})`,
            );
        }
      }
      // ROUTE_FUZZ_STATS=1 shows how deep each route was reached (answers by status).
      if (process.env['ROUTE_FUZZ_STATS'])
        for (const [op, seen] of statuses) process.stdout.write(`${op} ${JSON.stringify(seen)}\n`);
      // Many tries per route (even on a busy machine), within the budget plus some slack.
      expect(requests).toBeGreaterThanOrEqual(operations.length * 5);
      expect(Date.now() - started).toBeLessThan(BUDGET_MS + 60_000);
      // No generated `__proto__` or `constructor.prototype` key reached a shared prototype.
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
    BUDGET_MS + 90_000,
  );

  interface FuzzRequest {
    method: string;
    url: string;
    headers: Record<string, string>;
    body: string | FormData | undefined;
  }

  /** The ids a path parameter of this route can name. */
  function poolFor(path: string, name: string): string[] {
    if (name === 'inboxId')
      return path.startsWith('/api/widget/')
        ? [ids.webchatInbox]
        : path.startsWith('/api/webhooks/')
          ? [ids.apiInbox]
          : [ids.apiInbox, ids.webchatInbox];
    if (name === 'fileId') return [...ids.visitorFile, ...ids.file];
    if (path.startsWith('/api/conversations/')) return ids.conversation;
    if (path.startsWith('/api/messages/')) return ids.message;
    if (path.startsWith('/api/inboxes/')) return [ids.apiInbox, ids.webchatInbox];
    if (path.startsWith('/api/files/')) return ids.file;
    return [...ids.conversation, ...ids.message, ids.apiInbox];
  }

  function requestFor(op: FuzzOperation): fc.Arbitrary<FuzzRequest> {
    const idArb = (name: string) =>
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...poolFor(op.path, name)) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 2, arbitrary: malformedSegment },
      );
    const knownIds = fc.constantFrom(...ids.conversation, ...ids.message, ids.apiInbox);
    const widget = op.path.startsWith('/api/widget/');
    const auth = fc.oneof(
      { weight: widget ? 1 : 5, arbitrary: fc.constant<Auth>('admin') },
      { weight: 1, arbitrary: fc.constant<Auth>('anonymous') },
      { weight: 1, arbitrary: fc.constant<Auth>('garbage') },
      { weight: widget ? 5 : 1, arbitrary: fc.constant<Auth>('visitor') },
    );
    const query = fc.tuple(
      ...op.query.map((q) =>
        fc.option(
          fc.oneof(
            { weight: 3, arbitrary: validFor(q.schema, knownIds).map((v) => [asQueryValue(v)]) },
            { weight: 2, arbitrary: valueFor(q.schema, knownIds).map((v) => [asQueryValue(v)]) },
            { weight: 1, arbitrary: fc.array(adversarialString, { minLength: 2, maxLength: 3 }) },
          ),
          { nil: undefined },
        ),
      ),
    );
    const webhook = op.path.startsWith('/api/webhooks/');
    const bodySchema: JsonSchema | null =
      op.body.kind === 'json'
        ? op.body.schema
        : webhook
          ? (z.toJSONSchema(apiInboundBodySchema, {
              target: 'openapi-3.0',
              io: 'input',
              unrepresentable: 'any',
            }) as JsonSchema)
          : null;
    return fc
      .record({
        auth,
        params: fc.tuple(...op.pathParams.map(idArb)),
        query,
        value: bodySchema ? bodyFor(bodySchema, knownIds) : fc.constant(undefined),
        pollute: fc.oneof(
          { weight: 3, arbitrary: fc.constant(false) },
          { weight: 1, arbitrary: fc.constant(true) },
        ),
        garbage: fc.oneof(
          { weight: 7, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: rawGarbage },
        ),
        contentType: fc.constantFrom(
          'application/json',
          'application/json',
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'none',
        ),
        multipart: multipartFields,
        signed: fc.boolean(),
      })
      .map((g) => {
        let path = op.path;
        op.pathParams.forEach((name, i) => {
          path = path.replace(`{${name}}`, g.params[i]!);
        });
        const search = new URLSearchParams();
        op.query.forEach((q, i) => g.query[i]?.forEach((v) => search.append(q.name, v)));
        const url = `${path}${search.size ? `?${search.toString()}` : ''}`;
        const auth: Auth = ENDS_SESSION.test(op.path) && g.auth === 'admin' ? 'garbage' : g.auth;
        const headers = authHeaders(auth);
        let body: string | FormData | undefined;
        if (op.method !== 'GET' && op.method !== 'HEAD') {
          if (op.body.kind === 'multipart') body = formData(g.multipart);
          else if (bodySchema || g.garbage !== null)
            body = g.garbage ?? bodyText(g.value, g.pollute);
          if (typeof body === 'string' && g.contentType !== 'none')
            headers['content-type'] = g.contentType;
        }
        if (webhook && g.signed && typeof body === 'string' && path.endsWith(ids.apiInbox)) {
          const ts = Math.floor(Date.now() / 1000);
          headers[TIMESTAMP_HEADER] = String(ts);
          headers[SIGNATURE_HEADER] = signApiPayload(signingSecret, ts, body);
        }
        return { method: op.method, url, headers, body };
      });
  }

  function authHeaders(auth: Auth): Record<string, string> {
    switch (auth) {
      case 'admin':
        return { authorization: `Bearer ${adminToken}` };
      case 'garbage':
        return { authorization: `Bearer ${randomUUID()}`, cookie: 'sb_session=forged' };
      case 'visitor':
        return { authorization: `Bearer ${visitorToken}`, origin: SHOP };
      case 'anonymous':
        return {};
    }
  }

  /** Null when the answer is acceptable, else what was wrong with it. */
  async function send(req: FuzzRequest, seen: Record<number, number>): Promise<string | null> {
    const res = await fetch(`${api.baseUrl}${req.url}`, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.timeout(20_000),
    });
    seen[res.status] = (seen[res.status] ?? 0) + 1;
    // ROUTE_FUZZ_TRACE=<part of a path> prints every request to matching routes and its answer.
    if (process.env['ROUTE_FUZZ_TRACE'] && req.url.includes(process.env['ROUTE_FUZZ_TRACE']))
      process.stdout.write(
        `TRACE ${req.method} ${req.url.slice(0, 120)} ${JSON.stringify(req.headers).slice(0, 100)} ${typeof req.body === 'string' ? req.body.slice(0, 200) : ''} => ${res.status} ${(await res.clone().text()).slice(0, 200)}\n`,
      );
    const text = await res.text();
    const parsed = errorBody(text);
    const overloaded = res.status === 503 && parsed?.code === 'OVERLOADED';
    const storageRefused = parsed?.details?.reason === STORAGE_REFUSED;
    if (res.status < 500 && !storageRefused) return null;
    if (overloaded) return null;
    return `${req.method} ${req.url.slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`;
  }
});

const multipartFields = fc.record({
  filename: fc.oneof(fc.constantFrom('photo.png', 'doc.pdf'), adversarialString),
  bytes: fc.oneof(
    fc.constant(Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex')),
    fc.uint8Array({ maxLength: 2_048 }).map((a) => Buffer.from(a)),
  ),
  clientMessageId: fc.oneof(fc.uuid(), adversarialString),
  text: fc.option(adversarialString, { nil: undefined }),
  withFile: fc.boolean(),
});

function formData(f: {
  filename: string;
  bytes: Buffer;
  clientMessageId: string;
  text?: string;
  withFile: boolean;
}): FormData {
  const form = new FormData();
  form.set('clientMessageId', f.clientMessageId);
  if (f.text !== undefined) form.set('text', f.text);
  if (f.withFile)
    form.set('file', new Blob([new Uint8Array(f.bytes)]), f.filename.slice(0, 1_000) || 'x');
  return form;
}

/** The ApiErrorDto fields the checks read; null for anything else (a file, a page). */
function errorBody(text: string): { code?: string; details?: { reason?: string } } | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}

function asQueryValue(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
}

/** An attachment to reach the download route with a real id; null if uploads are refused. */
async function uploadFile(baseUrl: string, token: string): Promise<string | null> {
  const form = new FormData();
  form.set(
    'file',
    new Blob([Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex')], {
      type: 'image/png',
    }),
    'seed.png',
  );
  const res = await fetch(`${baseUrl}/api/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (!res.ok) return null;
  return ((await res.json()) as { id?: string }).id ?? null;
}
