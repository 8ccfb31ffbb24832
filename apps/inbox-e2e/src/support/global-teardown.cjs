const { rmSync } = require('node:fs');

module.exports = async function globalTeardown() {
  const dir = process.env.INBOX_E2E_DIST_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
};
