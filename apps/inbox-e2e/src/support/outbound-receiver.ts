import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedReply {
  id: string;
  externalId: string;
  to: string;
  text: string;
}

/**
 * The customer's side of the 'api' channel: an HTTP endpoint that receives the replies operators
 * send (the channel's outboundUrl) and acknowledges each with its own message id.
 */
export class OutboundReceiver {
  readonly received: ReceivedReply[] = [];
  /** Answers to give instead of accepting, one per request (a customer system refusing). */
  private readonly rejections: { status: number; reason: string }[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<OutboundReceiver> {
    let receiver: OutboundReceiver | null = null;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const rejection = receiver?.rejections.shift();
        if (rejection) {
          res.writeHead(rejection.status, { 'content-type': 'text/plain' });
          res.end(rejection.reason);
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          id: string;
          to: string;
          text: string;
        };
        const externalId = `ext-reply-${receiver?.received.length ?? 0}`;
        receiver?.received.push({ id: body.id, externalId, to: body.to, text: body.text });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: externalId }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    receiver = new OutboundReceiver(server, `http://127.0.0.1:${port}/replies`);
    return receiver;
  }

  /** The next reply is refused with this HTTP status and text. */
  rejectNext(status: number, reason: string): void {
    this.rejections.push({ status, reason });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
