import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

/** One message the peer accepted, as the receiving server saw it. */
export interface ReceivedMail {
  envelope: { from: string | null; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

/** Make the peer refuse at a given SMTP stage with a given reply, like a real server would. */
export interface SmtpRejection {
  stage: 'auth' | 'mail' | 'rcpt' | 'data';
  code: number;
  message: string;
  /** Only for recipients matching this address (rcpt stage); all when absent. */
  recipient?: string;
}

export interface SmtpPeerOptions {
  user?: string;
  password?: string;
}

export interface SmtpPeer {
  host: string;
  port: number;
  user: string;
  password: string;
  readonly messages: readonly ReceivedMail[];
  /** Resolves once `count` messages have arrived in total. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Refuse from now on until `accept()`; several rejections may be active at different stages. */
  reject(rejection: SmtpRejection): void;
  accept(): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on a random loopback port with PLAIN/LOGIN auth and no TLS, that
 * keeps every message it accepts, parsed with mailparser, for assertions.
 */
export async function startSmtpPeer(options: SmtpPeerOptions = {}): Promise<SmtpPeer> {
  const user = options.user ?? 'sender';
  const password = options.password ?? 'sender-password';
  const messages: ReceivedMail[] = [];
  let rejections: SmtpRejection[] = [];
  const waiters: Array<() => void> = [];

  const refusal = (stage: SmtpRejection['stage'], address?: string): Error | null => {
    const r = rejections.find(
      (x) => x.stage === stage && (!x.recipient || x.recipient === address),
    );
    if (!r) return null;
    return Object.assign(new Error(r.message), { responseCode: r.code });
  };

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    size: 60 * 1024 * 1024,
    logger: false,
    onAuth(auth, _session, callback) {
      const refused = refusal('auth');
      if (refused) return callback(refused);
      if (auth.username !== user || auth.password !== password) {
        return callback(
          Object.assign(new Error('5.7.8 Authentication credentials invalid'), {
            responseCode: 535,
          }),
        );
      }
      return callback(null, { user: auth.username });
    },
    onMailFrom(_address, _session, callback) {
      callback(refusal('mail'));
    },
    onRcptTo(address, _session, callback) {
      callback(refusal('rcpt', address.address));
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const refused = refusal('data');
        if (refused) return callback(refused);
        const raw = Buffer.concat(chunks);
        simpleParser(raw, { keepCidLinks: true })
          .then((parsed) => {
            const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
            messages.push({
              envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) },
              raw,
              parsed,
            });
            waiters.splice(0).forEach((wake) => wake());
            callback(null);
          })
          .catch((err: Error) => callback(err));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined);
  const port = (server.server.address() as AddressInfo).port;

  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    messages,
    async waitForMessages(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`SMTP peer: expected ${count} messages, got ${messages.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return messages.slice(0, count);
    },
    reject(rejection) {
      rejections.push(rejection);
    },
    accept() {
      rejections = [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
