// Builds the API with its real webpack config (apps/api/webpack.config.js) into the directory given
// as first argument, without the type check (the type-check step does that): what `nx build api`
// emits. Used through shared-api-bundle.ts by tests that must run the bundle itself: the email
// parse worker in the bundle, and main.js (which starts in a second where ts-node needs many) in
// the kill -9 storm and the email crash test.
const { join } = require('node:path');

async function main() {
  const outDir = process.argv[2];
  if (!outDir) throw new Error('usage: build-api-bundle.cjs <outDir>');
  const root = join(__dirname, '../../../..');
  process.chdir(root);
  const { createProjectGraphAsync } = require('@nx/devkit');
  await createProjectGraphAsync({ exitOnError: true });
  process.env.NX_TASK_TARGET_PROJECT = 'api';
  process.env.NX_TASK_TARGET_TARGET = 'build';
  const config = require(join(root, 'apps/api/webpack.config.js'));
  const nx = config.plugins.find((p) => p.constructor.name === 'NxAppWebpackPlugin');
  nx.options.skipTypeChecking = true;
  config.output = { ...config.output, path: outDir, clean: true };
  const webpack = require('webpack');
  const stats = await new Promise((resolve, reject) =>
    webpack(config, (err, result) => (err ? reject(err) : resolve(result))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  console.log(Object.keys(stats.toJson({ assets: true }).assetsByChunkName).join(' '));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
