import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pendingSchemaChanges, registerMigration, renderMigration } from './migration-generator';
import { runMigrations } from './run-migrations';

/**
 * `main.js migration:generate <Name> <migrationsDir>` against DATABASE_URL, a scratch database:
 * applies every migration, then writes what the entities still need as a new migration file and
 * lists it in index.ts. Run through `npm run migration:generate <Name>`, which makes the database.
 */
export async function generateMigrationCommand(args: string[]): Promise<void> {
  const [name, dir] = args;
  const url = process.env['DATABASE_URL'];
  if (!name || !dir || !url) {
    throw new Error('usage: DATABASE_URL=<scratch db> main.js migration:generate <Name> <dir>');
  }
  await runMigrations(url);
  const changes = await pendingSchemaChanges(url);
  if (changes.up.length === 0) {
    process.stdout.write('The entities match the migrations: nothing to generate.\n');
    return;
  }
  const file = renderMigration(name, Date.now(), changes);
  writeFileSync(join(dir, file.fileName), file.source);
  const index = join(dir, 'index.ts');
  writeFileSync(
    index,
    registerMigration(readFileSync(index, 'utf8'), file.fileName, file.className),
  );
  process.stdout.write(`Wrote ${join(dir, file.fileName)} (${changes.up.length} statements)\n`);
}
