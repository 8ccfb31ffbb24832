// Builds only the email parse worker entry of the API's real webpack config (apps/api/webpack.config.js)
// into the directory given as argument: what `nx build api` emits beside main.js, without main.js
// and without the type check. Used by email-parse-worker.bundle.integration-spec.ts.
const { join } = require('node:path');

async function main() {
  const outDir = process.argv[2];
  const root = join(__dirname, '../../../../../..');
  process.chdir(root);
  const { createProjectGraphAsync } = require('@nx/devkit');
  await createProjectGraphAsync({ exitOnError: true });
  process.env.NX_TASK_TARGET_PROJECT = 'api';
  process.env.NX_TASK_TARGET_TARGET = 'build';
  const config = require(join(root, 'apps/api/webpack.config.js'));
  const nx = config.plugins.find((p) => p.constructor.name === 'NxAppWebpackPlugin');
  nx.options.main = undefined;
  nx.options.skipTypeChecking = true;
  config.output = { ...config.output, path: outDir, clean: true };
  // Without `main`, webpack's default entry (./src) would still be built: drop it once the Nx
  // plugin has added the worker entry (plugins run before entries are read).
  config.plugins.push({
    apply: (compiler) => {
      delete compiler.options.entry.main;
    },
  });
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
