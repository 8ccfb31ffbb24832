import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import { dovecotConfig, dovecotOAuth2Config, type DovecotRunAs } from './dovecot-config';
import { selfSignedCertificate } from './self-signed-certificate';

const run = promisify(execFile);
/** Dovecot runs mail processes as nobody (65534) in our config; the mail tree must belong to it. */
const MAIL_UID = 65534;

export interface DovecotUser {
  user: string;
  password: string;
}

export interface DovecotServer {
  host: string;
  port: number;
  /** IMAPS (TLS from the first byte) with the self-signed certificate; null without `tls`. */
  tlsPort: number | null;
  /** The self-signed certificate (PEM) the server presents; null without `tls`. */
  certificatePem: string | null;
  users: DovecotUser[];
  /** APPEND a raw message as `user` would receive it; returns the UID it got. */
  appendMessage(
    user: string,
    mailbox: string,
    source: Buffer | string,
    options?: { flags?: string[]; receivedAt?: Date },
  ): Promise<{ uid: number; uidValidity: number }>;
  /** Current UIDVALIDITY and next UID of a mailbox. */
  mailboxStatus(
    user: string,
    mailbox: string,
  ): Promise<{ uidValidity: number; uidNext: number; messages: number }>;
  /**
   * Give the mailbox a new UIDVALIDITY and renumber its messages from UID 1, as a server does after
   * a mailbox rebuild: every UID a client remembered is meaningless afterwards.
   */
  resetUidValidity(user: string, mailbox: string): Promise<number>;
  /** Ends every IMAP session of `user` (doveadm kick), if any: clients see the server close on them. */
  kick(user: string): Promise<void>;
  /** Freeze (SIGSTOP) / thaw the per-connection imap processes: a connection that is open but silent. */
  freezeConnections(): Promise<number>;
  thawConnections(): Promise<void>;
  /** Open IMAP connections right now (one imap process each, logged in or not). */
  openConnections(): number;
  /** Stops the server (connections refused) and starts it again on the same port, mail kept. */
  down(): Promise<void>;
  up(): Promise<void>;
  /** Raw Dovecot log, for failing tests. */
  log(): string;
  stop(): Promise<void>;
}

export async function startDovecot(options: {
  users: DovecotUser[];
  /** false: do not advertise IDLE, so clients must poll. */
  idle?: boolean;
  /**
   * Also accept OAuth bearer tokens (SASL XOAUTH2 / OAUTHBEARER, as Gmail and Microsoft 365 do),
   * checked by Dovecot's oauth2 passdb against this RFC 7662 introspection endpoint. `mechanisms`
   * defaults to both; Microsoft 365 offers only XOAUTH2. Password users still log in.
   */
  oauth?: {
    introspectionUrl: string;
    clientId: string;
    clientSecret: string;
    mechanisms?: ReadonlyArray<'xoauth2' | 'oauthbearer'>;
  };
  /** TLS with a self-signed certificate for `hostnames` (default: localhost and 127.0.0.1). */
  tls?: { hostnames?: string[] };
}): Promise<DovecotServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-dovecot-'));
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub), { recursive: true });
  // Dovecot's auth process runs as the dovecot user and must read the users file.
  chmodSync(dir, 0o755);
  const runAs = runAsIdentity();
  if (!runAs.user) chownSync(join(dir, 'mail'), MAIL_UID, MAIL_UID);
  writeFileSync(
    join(dir, 'users'),
    options.users.map((u) => `${u.user}:{PLAIN}${u.password}::::::`).join('\n') + '\n',
    {
      mode: 0o644,
    },
  );

  const port = await freePort();
  const configPath = join(dir, 'dovecot.conf');
  let oauth: { mechanisms: readonly string[]; configPath: string } | undefined;
  if (options.oauth) {
    oauth = {
      mechanisms: options.oauth.mechanisms ?? ['xoauth2', 'oauthbearer'],
      configPath: join(dir, 'dovecot-oauth2.conf.ext'),
    };
    writeFileSync(
      oauth.configPath,
      dovecotOAuth2Config({
        url: options.oauth.introspectionUrl,
        clientId: options.oauth.clientId,
        clientSecret: options.oauth.clientSecret,
      }),
      { mode: 0o644 },
    );
  }
  const tls = options.tls
    ? {
        ...(await selfSignedCertificate(dir, options.tls.hostnames ?? ['localhost', '127.0.0.1'])),
        port: await freePort(),
      }
    : undefined;
  writeFileSync(configPath, dovecotConfig(dir, port, runAs, { idle: options.idle, oauth, tls }));

  // Dovecot logs to its own file; a pipe would be inherited by its children and outlive the test.
  const launch = async () => {
    const started = spawn('dovecot', ['-F', '-c', configPath], { stdio: 'ignore' });
    await waitForPort(port, started, dir);
    return started;
  };
  let child = await launch();

  const frozen = new Set<number>();
  const login = async (user: string) => {
    const account = options.users.find((u) => u.user === user);
    if (!account) throw new Error(`unknown Dovecot user ${user}`);
    const client = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: account.password },
      logger: false,
      disableAutoIdle: true,
    });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };

  const server: DovecotServer = {
    host: '127.0.0.1',
    port,
    tlsPort: tls?.port ?? null,
    certificatePem: tls ? readFileSync(tls.certPath, 'utf8') : null,
    users: options.users,
    async appendMessage(user, mailbox, source, options = {}) {
      const client = await login(user);
      try {
        const res = await client.append(mailbox, source, options.flags ?? [], options.receivedAt);
        if (!res || res.uid === undefined || res.uidValidity === undefined)
          throw new Error('APPEND returned no UID');
        return { uid: res.uid, uidValidity: Number(res.uidValidity) };
      } finally {
        await client.logout().catch(() => client.close());
      }
    },
    async mailboxStatus(user, mailbox) {
      const client = await login(user);
      try {
        const st = await client.status(mailbox, {
          uidValidity: true,
          uidNext: true,
          messages: true,
        });
        if (!st) throw new Error(`no status for ${mailbox}`);
        return {
          uidValidity: Number(st.uidValidity),
          uidNext: Number(st.uidNext),
          messages: Number(st.messages),
        };
      } finally {
        await client.logout().catch(() => client.close());
      }
    },
    async resetUidValidity(user, mailbox) {
      const before = await server.mailboxStatus(user, mailbox);
      const maildir = join(dir, 'mail', user, 'Maildir', mailbox === 'INBOX' ? '' : `.${mailbox}`);
      // Forget every UID: Dovecot rebuilds the list on the next access and numbers from 1 again.
      for (const file of readdirSync(maildir)) {
        if (file === 'dovecot-uidlist' || file.startsWith('dovecot.index'))
          rmSync(join(maildir, file), { force: true });
      }
      const next = before.uidValidity + 1000;
      await run('doveadm', [
        '-c',
        configPath,
        'mailbox',
        'update',
        '-u',
        user,
        '--uid-validity',
        String(next),
        mailbox,
      ]);
      const after = await server.mailboxStatus(user, mailbox);
      if (after.uidValidity === before.uidValidity) throw new Error('UIDVALIDITY did not change');
      return after.uidValidity;
    },
    async kick(user) {
      await run('doveadm', ['-c', configPath, 'kick', user]).catch((err: { code?: unknown }) => {
        // 68 (EX_NOUSER): "no users kicked", the user had no session at that moment.
        if (err.code !== 68) throw err;
      });
    },
    async freezeConnections() {
      for (const pid of imapProcesses(child.pid)) {
        process.kill(pid, 'SIGSTOP');
        frozen.add(pid);
      }
      return frozen.size;
    },
    async thawConnections() {
      for (const pid of frozen) {
        try {
          process.kill(pid, 'SIGCONT');
        } catch {
          // already gone
        }
      }
      frozen.clear();
    },
    openConnections: () => imapProcesses(child.pid).length,
    async down() {
      await server.thawConnections();
      await terminate(child);
    },
    async up() {
      if (child.exitCode === null && child.signalCode === null) return;
      child = await launch();
    },
    log: () => readLog(dir),
    async stop() {
      await server.thawConnections();
      await terminate(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

/**
 * SIGTERM, then SIGKILL after 5 s; resolves once the master has exited. A client connection's
 * imap process outlives its master (it is re-parented and keeps the socket open), so whatever
 * the master had started is killed too: every connection is closed, as when a server goes down.
 */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const started = descendants(child.pid);
  const exited = new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  child.kill('SIGTERM');
  await exited;
  for (const pid of started) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** As root, mail processes run as nobody; as anyone else, Dovecot runs everything as that user. */
function runAsIdentity(): DovecotRunAs {
  const uid = process.getuid?.() ?? 0;
  if (uid === 0) return { uid: MAIL_UID, gid: MAIL_UID };
  const gid = process.getgid?.() ?? uid;
  const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
  return { uid, gid, user: userInfo().username, group };
}

/** Descendant processes named "imap" of the Dovecot master: one per client connection. */
function imapProcesses(masterPid: number | undefined): number[] {
  return descendants(masterPid, 'imap');
}

/** Descendant processes of the Dovecot master (only those named `name`, when given). */
function descendants(masterPid: number | undefined, name?: string): number[] {
  if (!masterPid) return [];
  const children = new Map<number, number[]>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      names.set(Number(entry), name);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // process ended while we looked
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      if (name === undefined || names.get(c) === name) out.push(c);
      walk(c);
    }
  };
  walk(masterPid);
  return out;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function readLog(dir: string): string {
  return existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '';
}

async function waitForPort(port: number, child: ChildProcess, dir: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`dovecot exited with ${child.exitCode}: ${readLog(dir)}`);
    }
    const open = await new Promise<boolean>((resolve) => {
      const sock = connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (open) return;
    await delay(50);
  }
  child.kill('SIGKILL');
  throw new Error(`dovecot did not listen on ${port}: ${readLog(dir)}`);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
