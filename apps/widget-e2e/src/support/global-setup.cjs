// Builds the widget (and the inbox SPA the operator uses) before the browser tests when a build
// is missing or older than its sources, so the tests exercise what is in the tree.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../../../..');

function newestMtime(target) {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function stale(output, sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((s) => existsSync(s) && newestMtime(s) > built);
}

module.exports = async function globalSetup() {
  const widget = path.join(root, 'apps/widget');
  if (
    stale(path.join(root, 'dist/apps/widget/loader.js'), [
      path.join(widget, 'src'),
      path.join(widget, 'public'),
    ])
  ) {
    execFileSync('node', [path.join(widget, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  }
  const inbox = path.join(root, 'apps/inbox');
  if (
    stale(path.join(root, 'dist/apps/inbox/index.html'), [
      path.join(inbox, 'src'),
      path.join(inbox, 'index.html'),
    ])
  ) {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: inbox, stdio: 'inherit' });
  }
};
