// Builds the SPA once before the browser tests when dist is missing or older than its sources,
// so `npx jest` on a fresh checkout tests what is in the tree, not a stale bundle.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../../../..');
const appDir = path.join(root, 'apps/inbox');
const indexHtml = path.join(root, 'dist/apps/inbox/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

module.exports = async function globalSetup() {
  const sources = Math.max(
    newestMtime(path.join(appDir, 'src')),
    statSync(path.join(appDir, 'index.html')).mtimeMs,
    statSync(path.join(appDir, 'vite.config.mts')).mtimeMs,
  );
  if (existsSync(indexHtml) && statSync(indexHtml).mtimeMs >= sources) return;
  // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: appDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
};
