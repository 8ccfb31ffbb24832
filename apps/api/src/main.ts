import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfig, type AppConfig } from './core/config/config.schema';
import { generateMigrationCommand } from './core/database/generate-migration.command';
import { runMigrations } from './core/database/run-migrations';
import { createApp } from './create-app';
import { FirstStartService } from './modules/seed/first-start.service';

async function main(): Promise<void> {
  if (process.argv[2] === 'migration:generate') {
    await generateMigrationCommand(process.argv.slice(3));
    return;
  }
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  if (process.argv[2] === 'migrate') {
    const applied = await runMigrations(config.DATABASE_URL);
    process.stdout.write(
      applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date\n',
    );
    return;
  }
  const app: NestExpressApplication = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  // The one place a generated password is shown: this banner on stdout, never the logger.
  const first = app.get(FirstStartService).takeResult();
  const lines = [
    '',
    `  Switchboard is running at ${config.PUBLIC_URL}`,
    `  API docs:   ${config.PUBLIC_URL}/api/docs`,
    ...(config.WIDGET_DIST_DIR ? [`  Demo site:  ${config.PUBLIC_URL}/widget/demo/`] : []),
    ...(first
      ? [
          `  Sign in:    ${first.email} / ${first.generatedPassword ?? '(the ADMIN_PASSWORD you set)'}`,
        ]
      : ['  Sign in with your operator account.']),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`Switchboard failed to start: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
