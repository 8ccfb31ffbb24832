import fc from 'fast-check';

/**
 * Request generators for the route fuzz test: every operation of the OpenAPI document, with
 * path ids, query parameters and bodies built from its own schemas, then bent the ways clients
 * and attackers bend them (control characters, broken Unicode, huge and wrong-typed values,
 * missing fields, prototype-pollution keys, malformed ids and encodings).
 */

export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  maxLength?: number;
}

export interface FuzzOperation {
  method: string;
  /** OpenAPI path template: /api/conversations/{id} */
  path: string;
  pathParams: string[];
  query: Array<{ name: string; schema: JsonSchema }>;
  body: { kind: 'json'; schema: JsonSchema } | { kind: 'multipart' } | { kind: 'none' };
  secured: boolean;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>;
        requestBody?: { content: Record<string, { schema?: JsonSchema }> };
        security?: unknown[];
      }
    >
  >;
}

/** Every operation the server documents, in a stable order. */
export function operationsOf(doc: OpenApiDocument): FuzzOperation[] {
  const ops: FuzzOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths).sort(([a], [b]) => a.localeCompare(b))) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams,
        query: (op.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: json
          ? { kind: 'json', schema: json }
          : content['multipart/form-data'] || /\/attachments$/.test(path)
            ? method === 'post'
              ? { kind: 'multipart' }
              : { kind: 'none' }
            : { kind: 'none' },
        secured: (op.security?.length ?? 0) > 0,
      });
    }
  }
  return ops;
}

/** Strings that broke something somewhere once: each one a different way to be wrong. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u0008\u000b\u000c',
  '\u001b[31mred\u001b[0m',
  '\u007f\u0085\u009b',
  '\ud800',
  'x\udfffy',
  'invoice\u202efdp.exe',
  'zero\u200bwidth\u2060\ufeff',
  '%00',
  '%',
  '%zz',
  '../../etc/passwd',
  "' OR 1=1 --",
  '"; DROP TABLE messages; --',
  '{{7*7}}${7*7}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e308',
  '9'.repeat(400),
  '0000-01-01T00:00:00Z',
  '2024-02-30T10:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ',
  'MjAyNC0wMi0zMFQxMDowMDowMC4wMDAwMDBafDFiNGUyOGJhLTJmYTEtMTFkMi04ODNmLTAwMTZkM2NjYTQyNw',
  '😀\u200d👩‍💻',
  'ـ'.repeat(50),
];

/** Any UTF-16 code unit, lone surrogates and controls included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The characters text fields must refuse or drop, and the invisible ones that must not fool a reader. */
const badCharacter = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
  '\ud800',
  '\udfff',
  '\u202e',
  '\u200b',
  '\ufeff',
);

/** Ordinary-looking text with a bad character somewhere in it. */
const textWithBadCharacter = fc
  .tuple(fc.string({ maxLength: 12 }), badCharacter, fc.string({ maxLength: 12 }))
  .map(([a, bad, b]) => `${a}${bad}${b}`);

export const adversarialString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: textWithBadCharacter },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)) },
);

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** A value for a schema: mostly of the right shape (to get past the first check), sometimes not. */
export function valueFor(
  schema: JsonSchema,
  ids: fc.Arbitrary<string>,
  depth = 0,
): fc.Arbitrary<unknown> {
  const right = rightValueFor(schema, ids, depth);
  const withNull = schema.nullable ? fc.oneof(right, fc.constant(null)) : right;
  return fc.oneof(
    { weight: 6, arbitrary: withNull },
    { weight: 1, arbitrary: adversarialString },
    { weight: 1, arbitrary: wrongType },
  );
}

function rightValueFor(
  schema: JsonSchema,
  ids: fc.Arbitrary<string>,
  depth: number,
): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valueFor(s, ids, depth)));
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return stringFor(schema, ids);
    case 'integer':
      return fc.oneof(
        fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000_000 }),
        fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53, -(2 ** 63)),
      );
    case 'number':
      return fc.double({ noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valueFor(schema.items ?? {}, ids, depth + 1), {
        maxLength: Math.min((schema.maxItems ?? 5) + 2, 12),
      });
    case 'object':
      return objectFor(schema, ids, depth);
    default:
      return depth > 3
        ? adversarialString
        : fc.oneof(adversarialString, fc.jsonValue({ maxDepth: 2 }), wrongType);
  }
}

function stringFor(schema: JsonSchema, ids: fc.Arbitrary<string>): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.oneof(ids, fc.uuid(), adversarialString);
    case 'email':
      return fc.oneof(
        fc.emailAddress(),
        adversarialString.map((s) => `${s}@example.com`),
        adversarialString,
      );
    case 'date-time':
      return fc.oneof(
        fc
          .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString()),
        fc.constantFrom(
          '0000-01-01T00:00:00Z',
          '0001-01-01T00:00:00Z',
          '9999-12-31T23:59:59+14:00',
          '2024-02-29T00:00:00Z',
        ),
        adversarialString,
      );
    default:
      return fc.oneof(
        fc.string({ maxLength: Math.min(schema.maxLength ?? 50, 50) }),
        adversarialString,
      );
  }
}

function objectFor(
  schema: JsonSchema,
  ids: fc.Arbitrary<string>,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const known = fc.record(
    Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valueFor(s, ids, depth + 1)])),
    { requiredKeys: (schema.required ?? []).filter((k) => k in props) },
  );
  const extra =
    schema.additionalProperties && depth < 4
      ? fc.dictionary(
          fc.oneof(fc.string({ maxLength: 12 }), adversarialString),
          valueFor(
            typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {},
            ids,
            depth + 1,
          ),
          { maxKeys: 4 },
        )
      : fc.constant({});
  return fc.tuple(known, extra).map(([k, e]) => ({ ...e, ...(k as Record<string, unknown>) }));
}

/**
 * A value the schema accepts, as far as a generator can tell from the document: how a request
 * gets past the first check, so one bad leaf (see `oneBadLeaf`) reaches the code behind it.
 */
export function validFor(
  schema: JsonSchema,
  ids: fc.Arbitrary<string>,
  depth = 0,
): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => validFor(s, ids, depth)));
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      switch (schema.format) {
        case 'uuid':
          return fc.oneof(
            { weight: 3, arbitrary: ids },
            { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
          );
        case 'email':
          return fc.constantFrom('ann@example.com', 'bob.smith+tag@example.org');
        case 'date-time':
          return fc
            .integer({ min: -30 * 86_400, max: 365 * 86_400 })
            .map((s) => new Date(Date.now() + 3_600_000 + s * 1_000).toISOString());
        default:
          return fc.string({ minLength: 1, maxLength: Math.min(schema.maxLength ?? 40, 40) });
      }
    case 'integer':
      return fc.integer({
        min: schema.minimum ?? 0,
        max: Math.min(schema.maximum ?? 1_000, 1_000),
      });
    case 'number':
      return fc.double({ min: 0, max: 1_000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      // Often empty: a list of ids that name nothing would stop most requests at the first check.
      return fc.oneof(
        fc.constant([]),
        fc.array(validFor(schema.items ?? {}, ids, depth + 1), {
          maxLength: Math.min(schema.maxItems ?? 3, 3),
        }),
      );
    case 'object': {
      const props = schema.properties ?? {};
      return fc.record(
        Object.fromEntries(Object.entries(props).map(([k, s]) => [k, validFor(s, ids, depth + 1)])),
        { requiredKeys: (schema.required ?? []).filter((k) => k in props) },
      );
    }
    default:
      return depth > 2 ? fc.string({ maxLength: 10 }) : fc.jsonValue({ maxDepth: 1 });
  }
}

/** Replaces one leaf of a value (or drops one key) with something wrong. */
export function oneBadLeaf(value: unknown, pick: number, bad: unknown, drop: boolean): unknown {
  const paths: Array<Array<string | number>> = [];
  const walk = (v: unknown, path: Array<string | number>) => {
    paths.push(path);
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...path, i]));
    else if (typeof v === 'object' && v !== null)
      for (const [k, item] of Object.entries(v)) walk(item, [...path, k]);
  };
  walk(value, []);
  const path = paths[pick % paths.length]!;
  if (path.length === 0) return bad;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (drop && !Array.isArray(parent)) delete parent[last];
  else parent[last] = bad;
  return copy;
}

/** Bodies for a schema: valid ones, ones with a single bad leaf (most), and anything at all. */
export function bodyFor(schema: JsonSchema, ids: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const valid = validFor(schema, ids);
  const bad = fc.oneof(adversarialString, wrongType);
  return fc.oneof(
    { weight: 2, arbitrary: valid },
    {
      weight: 5,
      arbitrary: fc
        .tuple(valid, fc.nat(), bad, fc.boolean())
        .map(([v, pick, b, drop]) => oneBadLeaf(v, pick, b, drop)),
    },
    { weight: 1, arbitrary: valueFor(schema, ids) },
  );
}

/** A body as text: JSON of the value, optionally with keys that pollute a careless merge. */
export function bodyText(value: unknown, pollute: boolean): string {
  const json = JSON.stringify(value) ?? 'null';
  if (!pollute || !json.startsWith('{')) return json;
  const poison = '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}';
  return json === '{}' ? `{${poison}}` : `{${poison},${json.slice(1)}`;
}

/** Malformed path segments: broken ids, encodings, traversal. Already URL-encoded. */
export const malformedSegment: fc.Arbitrary<string> = fc.oneof(
  adversarialString
    .filter((s) => s.length > 0 && s.length < 5_000)
    // A lone surrogate has no UTF-8 form: it is sent as the replacement character instead.
    .map((s) => encodeURIComponent(s.replace(LONE_SURROGATES, '\uFFFD'))),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '%ED%A0%80', '..', '%2e%2e%2f', '%00', 'null', '-1', '1'),
);

/** Bodies that are not what the content type says. */
export const rawGarbage: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '{', '{"a":', '[1,2', 'null', 'true', '"str"', '\u0000', '{"a":"\\u0000"}'),
  fc.integer({ min: 100, max: 3_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.string({ unit: codeUnit, maxLength: 60 }),
);
