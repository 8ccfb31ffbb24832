import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

export interface SchemaChanges {
  up: string[];
  down: string[];
}

/**
 * What TypeORM would change to make the database match the entities: the body of the next
 * migration. Empty on a database the migrations just built, unless an entity changed.
 */
export async function pendingSchemaChanges(databaseUrl: string): Promise<SchemaChanges> {
  const ds = new DataSource(dataSourceOptions(databaseUrl, 2));
  await ds.initialize();
  try {
    const log = await ds.driver.createSchemaBuilder().log();
    return {
      up: log.upQueries.map((q) => q.query),
      down: log.downQueries.map((q) => q.query).reverse(),
    };
  } finally {
    await ds.destroy();
  }
}

/** `AddTags` → `add-tags`. */
function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** A migration file in the style of the hand-written ones, ready to review. */
export function renderMigration(
  name: string,
  timestamp: number,
  changes: SchemaChanges,
): { fileName: string; className: string; source: string } {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name))
    throw new Error(`Migration name must be PascalCase: ${name}`);
  const className = `${name}${timestamp}`;
  const body = (queries: string[]) =>
    queries.map((q) => `    await q.query(${JSON.stringify(q)});`).join('\n');
  const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated from entity changes by \`npm run migration:generate ${name}\`: review before committing. */
export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(q: QueryRunner): Promise<void> {
${body(changes.up)}
  }

  async down(q: QueryRunner): Promise<void> {
${body(changes.down)}
  }
}
`;
  return { fileName: `${timestamp}-${kebabCase(name)}.ts`, className, source };
}

/** Adds the new migration to the explicit list in migrations/index.ts. */
export function registerMigration(
  indexSource: string,
  fileName: string,
  className: string,
): string {
  const importLine = `import { ${className} } from './${fileName.replace(/\.ts$/, '')}';\n`;
  const lastImport = indexSource.lastIndexOf('\nimport ');
  const afterImports = indexSource.indexOf('\n', lastImport + 1) + 1;
  const withImport =
    indexSource.slice(0, afterImports) + importLine + indexSource.slice(afterImports);
  return withImport.replace(/\n\];\s*$/, `\n  ${className},\n];\n`);
}
