import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

/** For specs: the peers a Twilio test needs, each on 127.0.0.1 and a free port. */

const TWILIO_ORIGINS = ['https://api.twilio.com', 'https://content.twilio.com'];

/** twilio-node's own HTTP client, sending what it meant for Twilio's origins to `origin`. */
export class OriginRewritingClient extends twilio.RequestClient {
  constructor(private readonly origin: string) {
    super({ timeout: 5_000 });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const twilioOrigin = TWILIO_ORIGINS.find((o) => opts.uri.startsWith(o));
    const uri = twilioOrigin ? this.origin + opts.uri.slice(twilioOrigin.length) : opts.uri;
    return super.request({ ...opts, uri });
  }
}

export interface RecordedRequest {
  method: string;
  /** The full URL as called, query string included. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The form body, decoded. */
  params: Record<string, string>;
}

export interface PeerAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type PeerRoute = (req: RecordedRequest) => PeerAnswer;

/** A tiny HTTP server that records every request and answers through `route`. */
export class PeerServer {
  readonly requests: RecordedRequest[] = [];

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(
    route: PeerRoute = () => ({ status: 200, body: '<Response/>' }),
  ): Promise<PeerServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const peer = new PeerServer(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    );
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const recorded: RecordedRequest = {
          method: req.method ?? 'GET',
          url: peer.origin + (req.url ?? '/'),
          headers: req.headers,
          params: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
        };
        peer.requests.push(recorded);
        const answer = route(recorded);
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      });
    });
    return peer;
  }

  async waitForRequests(count: number, timeoutMs = 5_000): Promise<RecordedRequest[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.requests.length < count) {
      if (Date.now() > deadline)
        throw new Error(`PeerServer: ${this.requests.length}/${count} requests`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.requests;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
