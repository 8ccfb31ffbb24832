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
import { dovecotConfig, type DovecotRunAs } from './dovecot-config';

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
  /** Freeze (SIGSTOP) / thaw the per-connection imap processes: a connection that is open but silent. */
  freezeConnections(): Promise<number>;
  thawConnections(): Promise<void>;
  /** Raw Dovecot log, for failing tests. */
  log(): string;
  stop(): Promise<void>;
}

export async function startDovecot(options: {
  users: DovecotUser[];
  /** false: do not advertise IDLE, so clients must poll. */
  idle?: boolean;
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
  writeFileSync(configPath, dovecotConfig(dir, port, runAs, { idle: options.idle }));

  // Dovecot logs to its own file; a pipe would be inherited by its children and outlive the test.
  const child = spawn('dovecot', ['-F', '-c', configPath], { stdio: 'ignore' });
  await waitForPort(port, child, dir);

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
    log: () => readLog(dir),
    async stop() {
      await server.thawConnections();
      if (child.exitCode === null) {
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
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
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
      if (names.get(c) === 'imap') out.push(c);
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
