// Builds the SPA from the current sources before the browser tests, into a directory of this run's
// own: the tests never use a stale bundle, a development build, or one another run is rewriting.
const { execFileSync } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const appDir = path.resolve(__dirname, '../../../inbox');

module.exports = async function globalSetup() {
  const outDir = mkdtempSync(path.join(tmpdir(), 'sb-inbox-dist-'));
  // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
  execFileSync(
    'npx',
    ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    {
      cwd: appDir,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  // Test workers start after this and inherit the environment.
  process.env.INBOX_E2E_DIST_DIR = outDir;
};
