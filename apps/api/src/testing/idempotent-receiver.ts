import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedReply {
  key: string;
  text: string;
}

/**
 * An integrator's endpoint for API-channel replies that honours the `idempotency-key` header the
 * way payment and messaging APIs do: the first request with a key is processed (and answered with
 * the id it was given), a repeat gets the same answer and is not processed again. Every request is
 * kept, so a test can tell a repeat (harmless here, a duplicate elsewhere) from a second send.
 */
export class IdempotentReceiver {
  private server: Server | null = null;
  url = '';
  /** Every request, in arrival order. */
  readonly requests: ReceivedReply[] = [];
  /** Processed once per key: what the customer would see. */
  readonly processed = new Map<string, ReceivedReply>();

  /** `maxLatencyMs`: each answer waits a random time up to this, so a crash can land mid-send. */
  constructor(private readonly maxLatencyMs = 0) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        (id) =>
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id })),
        () => res.writeHead(400).end('bad request'),
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/replies`;
  }

  /** How many requests carried this key. */
  requestsFor(key: string): number {
    return this.requests.filter((r) => r.key === key).length;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage): Promise<string> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const key = String(req.headers['idempotency-key'] ?? '');
    const { text } = JSON.parse(body) as { text: string };
    if (!key) throw new Error('no idempotency key');
    // Taken on arrival, as a provider does: a sender that dies before the answer has still sent it.
    const reply = { key, text };
    this.requests.push(reply);
    if (!this.processed.has(key)) this.processed.set(key, reply);
    if (this.maxLatencyMs) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * this.maxLatencyMs));
    }
    return `int-${key}`;
  }
}
