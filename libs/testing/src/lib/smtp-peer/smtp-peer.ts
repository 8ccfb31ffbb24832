import type { AddressInfo, Socket } from 'node:net';
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
  /**
   * Also accept SASL XOAUTH2 (as Gmail and Microsoft 365 do): `verifyAccessToken` says whose the
   * bearer token is (an address), or null when it is not valid; it must be the login name.
   */
  oauth?: { verifyAccessToken(token: string): string | null };
}

/** One successful login, as the server saw it. */
export interface SmtpLogin {
  method: string;
  user: string;
  /** The bearer token of an XOAUTH2 login. */
  accessToken: string | null;
}

export interface SmtpPeer {
  host: string;
  port: number;
  user: string;
  password: string;
  readonly messages: readonly ReceivedMail[];
  /** Every accepted login, oldest first. */
  readonly logins: readonly SmtpLogin[];
  /** Resolves once `count` messages have arrived in total. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Refuse from now on until `accept()`; several rejections may be active at different stages. */
  reject(rejection: SmtpRejection): void;
  /**
   * After the whole message has arrived (it is kept, as a real server queues it): answer only after
   * `delayMs`, or never and drop the connection ('drop'). Until `accept()`.
   */
  answerDataLate(how: { delayMs: number } | 'drop'): void;
  /** Back to answering everything at once and refusing nothing. */
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
  const logins: SmtpLogin[] = [];
  let rejections: SmtpRejection[] = [];
  let lateAnswer: { delayMs: number } | 'drop' | null = null;
  const heldAnswers = new Set<NodeJS.Timeout>();
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
    authMethods: options.oauth ? ['PLAIN', 'LOGIN', 'XOAUTH2'] : ['PLAIN', 'LOGIN'],
    size: 60 * 1024 * 1024,
    logger: false,
    // A held answer must not keep close() waiting for the default 30 s.
    closeTimeout: 500,
    onAuth(auth, _session, callback) {
      const refused = refusal('auth');
      if (refused) return callback(refused);
      if (auth.method === 'XOAUTH2') {
        const owner = options.oauth?.verifyAccessToken(auth.accessToken ?? '') ?? null;
        if (!owner || owner.toLowerCase() !== (auth.username ?? '').toLowerCase()) {
          // Gmail's answer: a 334 with this JSON, then 535 once the client sends the empty line.
          return callback(null, {
            data: { status: '400', schemes: 'Bearer', scope: 'https://mail.google.com/' },
          });
        }
        logins.push({ method: 'XOAUTH2', user: owner, accessToken: auth.accessToken ?? null });
        return callback(null, { user: owner });
      }
      if (auth.username !== user || auth.password !== password) {
        return callback(
          Object.assign(new Error('5.7.8 Authentication credentials invalid'), {
            responseCode: 535,
          }),
        );
      }
      logins.push({ method: auth.method, user: auth.username ?? '', accessToken: null });
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
            answer(session.id, callback);
          })
          .catch((err: Error) => callback(err));
      });
    },
  });

  /** Says 250 for a kept message: at once, late, or never (the client sees its connection drop). */
  function answer(sessionId: string, callback: (err?: Error | null) => void): void {
    const how = lateAnswer;
    if (how === null) return callback(null);
    if (how === 'drop') {
      // smtp-server keeps its connections by session id; the socket goes without a reply.
      const connections = server.connections as Set<{ id: string; _socket: Socket }>;
      for (const c of connections) if (c.id === sessionId) c._socket.destroy();
      return;
    }
    const timer = setTimeout(() => {
      heldAnswers.delete(timer);
      callback(null);
    }, how.delayMs);
    heldAnswers.add(timer);
  }

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
    logins,
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
    answerDataLate(how) {
      lateAnswer = how;
    },
    accept() {
      rejections = [];
      lateAnswer = null;
    },
    close: () => {
      for (const timer of heldAnswers) clearTimeout(timer);
      heldAnswers.clear();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
