import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '../..');
const DOCS = join(__dirname, '../../../../../docs/architecture.md');

/** SQL as this codebase writes it: upper-case keywords. Linear patterns, no nested quantifiers. */
const SQL_KEYWORDS =
  /\b(SELECT|INSERT INTO|DELETE FROM|ON CONFLICT|FOR UPDATE|RETURNING|CREATE (TABLE|SEQUENCE|INDEX|FUNCTION)|pg_advisory\w*|pg_notify|LISTEN|UNLISTEN)\b|\bUPDATE \w+ SET\b/;
// `(<[^>]*>)?` also catches typed calls such as queryOne<Row>( and client.query<Row>(.
const QUERY_CALL = /(\.query|\bqueryRows|\bqueryOne)(<[^>]*>)?\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const isTest = (p: string) =>
  /\.(spec|integration-spec|timing-spec)\.ts$/.test(p) || p.split('/').includes('testing');
const isDataLayer = (p: string) => p.endsWith('.repository.ts') || p.startsWith('core/database/');

const files = sourceFiles(SRC)
  .map((p) => relative(SRC, p))
  .filter((p) => !isTest(p));

/**
 * Queries live in repositories (and the migrations and database plumbing under core/database).
 * Tests may read the database directly, to check what was stored without the code under test.
 */
describe('SQL stays inside repositories', () => {
  it('no service, controller or helper holds SQL or runs a query', () => {
    const offenders = files
      .filter((p) => !isDataLayer(p))
      .flatMap((p) =>
        readFileSync(join(SRC, p), 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${p}:${i + 1}` }))
          .filter(({ line }) => !line.trim().startsWith('//') && !line.trim().startsWith('*'))
          .filter(({ line }) => SQL_KEYWORDS.test(line) || QUERY_CALL.test(line))
          .map(({ at, line }) => `${at}  ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it('every raw query in a repository says why it is raw, and docs/architecture.md lists the file', () => {
    const docs = readFileSync(DOCS, 'utf8');
    const listed = docs.slice(
      docs.indexOf('<!-- raw-sql:start -->'),
      docs.indexOf('<!-- raw-sql:end -->'),
    );
    const problems: string[] = [];
    for (const p of files.filter((f) => f.endsWith('.repository.ts'))) {
      const lines = readFileSync(join(SRC, p), 'utf8').split('\n');
      let raw = 0;
      lines.forEach((line, i) => {
        if (!QUERY_CALL.test(line) || line.includes('function query')) return;
        raw++;
        const before = lines.slice(Math.max(0, i - 6), i + 1).join('\n');
        if (!/raw SQL:/.test(before))
          problems.push(`${p}:${i + 1} has no "raw SQL: <why>" comment`);
      });
      if (raw > 0 && !listed.includes(p)) problems.push(`${p} is missing from the raw SQL list`);
    }
    expect(problems).toEqual([]);
  });
});
