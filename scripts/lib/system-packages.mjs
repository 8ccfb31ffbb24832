// Installs the Debian packages the browser, email and proxy tests need, when they are missing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { userInfo } from 'node:os';

const PACKAGES = [
  {
    bin: '/usr/bin/chromium',
    pkg: 'chromium',
    why: 'browser tests (playwright-core drives Debian chromium)',
  },
  { bin: '/usr/sbin/dovecot', pkg: 'dovecot-imapd', why: 'email tests (a real IMAP server)' },
  {
    bin: '/usr/sbin/nginx',
    pkg: 'nginx',
    why: 'the reverse proxy test (docker/nginx.conf in front of the API)',
  },
];

export function ensureSystemPackages(log = console.log) {
  const missing = PACKAGES.filter((p) => !existsSync(p.bin));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.pkg).join(' ');
  for (const p of missing) log(`- missing ${p.pkg}: needed for ${p.why}`);
  const root = userInfo().uid === 0;
  const sudo = !root && existsSync('/usr/bin/sudo') ? 'sudo ' : '';
  if (!root && !sudo) {
    throw new Error(`Install these Debian packages first: apt-get install -y ${names}`);
  }
  log(`Installing ${names} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit', env });
  execSync(`${sudo}apt-get install -y -qq --no-install-recommends ${names}`, {
    stdio: 'inherit',
    env,
  });
}
