import type { AddressInfo, Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A bare SMTP receiver for this library's own specs (channel libs may not import libs/testing; the
 * full harness with rejections per stage lives there and drives the API's integration tests).
 */
export interface SmtpSink {
  port: number;
  received: ParsedMail[];
  /** Refuse the next DATA with this reply code, once. */
  failNext(code: number, message: string): void;
  /** Keep the next message, then drop the connection instead of answering (the answer is lost), once. */
  dropNextAnswer(): void;
  close(): Promise<void>;
}

export async function startSmtpSink(user = 'support', password = 'smtp-pw'): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  let failure: { code: number; message: string } | null = null;
  let dropAnswer = false;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth: (auth, _s, cb) =>
      auth.username === user && auth.password === password
        ? cb(null, { user })
        : cb(Object.assign(new Error('Invalid credentials'), { responseCode: 535 })),
    onRcptTo: (address, _s, cb) =>
      address.address.startsWith('unknown@')
        ? cb(Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 }))
        : cb(),
    onData: (stream, session, cb) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failure) {
          const f = failure;
          failure = null;
          return cb(Object.assign(new Error(f.message), { responseCode: f.code }));
        }
        simpleParser(Buffer.concat(chunks), { keepCidLinks: true }).then(
          (mail) => {
            received.push(mail);
            if (!dropAnswer) return cb(null);
            dropAnswer = false;
            // smtp-server keeps its connections by session id; the socket goes without a reply.
            const connections = server.connections as Set<{ id: string; _socket: Socket }>;
            for (const c of connections) if (c.id === session.id) c._socket.destroy();
          },
          (err: Error) => cb(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    failNext(code, message) {
      failure = { code, message };
    },
    dropNextAnswer() {
      dropAnswer = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
