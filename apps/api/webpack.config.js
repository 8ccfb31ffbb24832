const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

/**
 * Third-party packages stay in node_modules (native addons, worker-thread transports); our own
 * @switchboard/* libs are npm-workspace symlinks to TypeScript sources and must be bundled.
 * Applied after NxAppWebpackPlugin, which would otherwise externalise the workspace links too.
 */
class BundleWorkspaceLibs {
  apply(compiler) {
    compiler.options.externals = [
      ({ request }, callback) => {
        if (request && /^[@a-z]/i.test(request) && !request.startsWith('@switchboard/')) {
          return callback(null, `commonjs ${request}`);
        }
        return callback();
      },
    ];
  }
}

module.exports = {
  output: { path: join(__dirname, '../../dist/apps/api'), clean: true },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // Email is parsed in worker threads (modules/email/email-parser-pool.ts): their entry is a file
      // of its own, emitted beside main.js, where emailParseWorkerEntry() looks for it.
      additionalEntryPoints: [
        { entryName: 'email-parse.worker', entryPath: './src/modules/email/email-parse.worker.ts' },
      ],
      tsConfig: './tsconfig.build.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      sourceMap: true,
    }),
    new BundleWorkspaceLibs(),
  ],
};
