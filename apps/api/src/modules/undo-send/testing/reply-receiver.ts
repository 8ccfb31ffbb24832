import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A customer system behind the API channel: records every reply it is sent, with its key. */
export class ReplyReceiver {
  private server: Server | null = null;
  url = '';
  readonly received: Array<{ key: string; text: string; at: number }> = [];

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const json = JSON.parse(body) as { text: string };
        const key = String(req.headers['idempotency-key']);
        this.received.push({ key, text: json.text, at: Date.now() });
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id: `r-${this.received.length}` }));
      });
    });
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/replies`;
  }

  /** How many times the reply with this message id reached the customer. */
  timesReceived(messageId: string): number {
    return this.received.filter((r) => r.key === messageId).length;
  }

  close(): void {
    this.server?.close();
  }
}
