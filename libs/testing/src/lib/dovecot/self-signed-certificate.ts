import { execFile } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A self-signed certificate for the given host names and addresses (subjectAltName), made with
 * the openssl command line into `dir`: what a small company's own mail server often presents.
 */
export async function selfSignedCertificate(
  dir: string,
  hostnames: string[],
): Promise<{ certPath: string; keyPath: string }> {
  const certPath = join(dir, 'server-cert.pem');
  const keyPath = join(dir, 'server-key.pem');
  const altNames = hostnames.map((h) => (isIP(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${hostnames[0] ?? 'localhost'}`,
    '-addext',
    `subjectAltName=${altNames}`,
    '-keyout',
    keyPath,
    '-out',
    certPath,
  ]);
  // Dovecot's processes read them after dropping privileges.
  chmodSync(certPath, 0o644);
  chmodSync(keyPath, 0o644);
  return { certPath, keyPath };
}
