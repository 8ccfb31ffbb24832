import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateResponseSchemas } from './response-schema-generator';

const GENERATED = join(__dirname, 'response-schemas.generated.json');

/** One operation or component a line: reviewable diffs, no 400-line formatting by Prettier. */
function serialise(value: ReturnType<typeof generateResponseSchemas>): string {
  const block = (record: Record<string, unknown>) =>
    Object.entries(record)
      .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(',\n');
  return `{\n  "operations": {\n${block(value.operations)}\n  },\n  "schemas": {\n${block(value.schemas)}\n  }\n}\n`;
}

describe('OpenAPI response schemas', () => {
  it('are generated from the controllers as they are now', () => {
    const fresh = serialise(
      generateResponseSchemas(join(__dirname, '../../../../tsconfig.app.json')),
    );
    if (process.env['UPDATE_OPENAPI_RESPONSES']) writeFileSync(GENERATED, fresh);
    // Stale: run this spec once with UPDATE_OPENAPI_RESPONSES=1 and commit the file.
    expect(readFileSync(GENERATED, 'utf8')).toBe(fresh);
  });
});
