import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccountState } from './account-state';
import { BackgroundTasks } from './background-tasks';
import { parseBasicAuth } from './basic-auth';
import { FakeTwilioAccountHandle, type AccountHandleDeps } from './fake-twilio-account';
import type {
  FakeTwilioAccount,
  FakeTwilioAccountInit,
  FakeTwilioOptions,
} from './fake-twilio-types';
import { readForm } from './form-body';
import { fetchMedia } from './media-fetcher';
import { MediaStore } from './media-store';
import { deliverMessage } from './message-delivery';
import { parseRoute, ROUTE_METHODS, type TwilioRoute } from './rest-routes';
import { answerRoute, type RouteAnswer } from './route-handlers';
import { StatusReporter } from './status-reporter';
import type { OutboundMessage } from './stored-message';
import { TwilioApiError, twilioErrors } from './twilio-api-error';
import { isSid, newSid } from './twilio-sids';
import { WebhookPoster } from './webhook-poster';

const DEFAULT_RATE_LIMIT_PER_SECOND = 100;
const DEFAULT_WEBHOOK_TIMEOUT_MS = 15_000;

interface RegisteredAccount {
  state: AccountState;
  handle: FakeTwilioAccountHandle;
}

/**
 * A local stand-in for https://api.twilio.com (2010-04-01 Messages, Media, Accounts) and
 * https://content.twilio.com (v1 Content API) on one origin, with Twilio's JSON and error shapes,
 * and the customer side: signed inbound webhooks, status callbacks, the WhatsApp 24-hour window.
 * The real `twilio` client reaches it through an `httpClient` that rewrites those two origins.
 */
export class FakeTwilio {
  private readonly accounts = new Map<string, RegisteredAccount>();
  private readonly media = new MediaStore();
  private readonly tasks = new BackgroundTasks();
  private readonly abort = new AbortController();
  private readonly clock: () => number;
  private readonly webhookTimeoutMs: number;
  private readonly poster: WebhookPoster;
  private readonly reporter: StatusReporter;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
    private readonly options: FakeTwilioOptions,
  ) {
    this.clock = options.clock ?? Date.now;
    this.webhookTimeoutMs = options.webhookTimeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
    this.poster = new WebhookPoster(this.webhookTimeoutMs, this.abort.signal);
    this.reporter = new StatusReporter(this.poster, this.clock);
  }

  /** Starts the server on 127.0.0.1 and a free port. */
  static async start(options: FakeTwilioOptions = {}): Promise<FakeTwilio> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const fake = new FakeTwilio(server, `http://127.0.0.1:${port}`, options);
    server.on('request', (req, res) => void fake.handle(req, res));
    return fake;
  }

  addAccount(init: FakeTwilioAccountInit): FakeTwilioAccount {
    if (!isSid(init.sid, 'AC'))
      throw new Error(`FakeTwilio.addAccount: "${init.sid}" is not AC + 32 hex`);
    if (this.accounts.has(init.sid)) throw new Error(`FakeTwilio.addAccount: ${init.sid} exists`);
    const state = new AccountState(
      init.sid,
      init.authToken,
      init.friendlyName ?? 'My first Twilio account',
      this.clock(),
      init.rateLimitPerSecond ?? this.options.rateLimitPerSecond ?? DEFAULT_RATE_LIMIT_PER_SECOND,
    );
    const deps: AccountHandleDeps = {
      media: this.media,
      poster: this.poster,
      reporter: this.reporter,
      apiOrigin: this.origin,
      clock: this.clock,
    };
    const registered = { state, handle: new FakeTwilioAccountHandle(state, deps) };
    this.accounts.set(init.sid, registered);
    return registered.handle;
  }

  account(sid: string): FakeTwilioAccount {
    const registered = this.accounts.get(sid);
    if (!registered) throw new Error(`FakeTwilio.account: no account ${sid}`);
    return registered.handle;
  }

  /** Aborts webhooks and downloads in flight, waits for background work, closes the server. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.tasks.settled();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', this.origin);
    try {
      const route = parseRoute(url.pathname);
      if (!route) throw twilioErrors.notFound(url.pathname);
      if (!ROUTE_METHODS[route.kind].includes(method)) throw twilioErrors.methodNotAllowed();
      if (route.kind === 'mediaStore') {
        this.serveStoredMedia(route.key, method, res);
        return;
      }
      const account = this.authorise(req, route, method, url.pathname);
      const form = method === 'POST' ? await readForm(req) : new URLSearchParams();
      const answer = answerRoute({
        account,
        route,
        method,
        path: url.pathname,
        query: url.searchParams,
        form,
        media: this.media,
        origin: this.origin,
        now: this.clock(),
        deliver: (message) => this.startDelivery(account, message),
      });
      reply(res, answer);
    } catch (error) {
      const apiError =
        error instanceof TwilioApiError
          ? error
          : new TwilioApiError(500, 20500, `Internal Server Error: ${(error as Error).message}`);
      reply(res, {
        status: apiError.status,
        json: apiError.body(),
        headers: { ...apiError.headers },
      });
    }
  }

  /** What Twilio does after a 201, in the background; autoStatus as it was at create time. */
  private startDelivery(account: AccountState, message: OutboundMessage): void {
    const autoStatus = account.autoStatus;
    this.tasks.run(async () => {
      // Like Twilio, answer the create before the first callback can arrive.
      await new Promise((resolve) => setImmediate(resolve));
      await deliverMessage(account, message, {
        fetchMedia: (url) => fetchMedia(url, this.webhookTimeoutMs, this.abort.signal),
        reporter: this.reporter,
        autoStatus,
      });
    });
  }

  /**
   * Basic auth with an account's SID and token, then the account in the path: unknown → 404,
   * someone else's → 401. Counts the request, applies the rate limit and injected failures.
   */
  private authorise(
    req: IncomingMessage,
    route: Exclude<TwilioRoute, { kind: 'mediaStore' }>,
    method: string,
    path: string,
  ): AccountState {
    const credentials = parseBasicAuth(req.headers.authorization);
    const caller = credentials ? this.accounts.get(credentials.username) : undefined;
    const pathAccountSid = 'accountSid' in route ? route.accountSid : null;
    const target = pathAccountSid ? this.accounts.get(pathAccountSid) : caller;
    target?.state.recordCall(method, path);

    if (!caller || caller.state.authToken !== credentials?.password)
      throw twilioErrors.authenticate();
    if (!target) throw twilioErrors.notFound(path);
    if (target !== caller) throw twilioErrors.authenticate();
    const account = caller.state;
    if (!account.rate.tryTake(Date.now())) throw twilioErrors.tooManyRequests();
    const injected = account.takeFailure(method, path);
    if (injected) throw injected;
    return account;
  }

  /** The S3-like file behind a media URL's redirect: no credentials, the original Content-Type. */
  private serveStoredMedia(key: string, method: string, res: ServerResponse): void {
    const media = this.media.byStoreKey(key);
    if (!media) {
      const body = Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code>' +
          '<Message>The specified key does not exist.</Message></Error>',
      );
      res.writeHead(404, { 'content-type': 'application/xml', 'content-length': body.length });
      res.end(body);
      return;
    }
    this.accounts.get(media.accountSid)?.state.recordCall(method, `/media-store/${key}`);
    res.writeHead(200, { 'content-type': media.contentType, 'content-length': media.bytes.length });
    res.end(method === 'HEAD' ? undefined : media.bytes);
  }
}

function reply(res: ServerResponse, answer: RouteAnswer): void {
  if (res.writableEnded || res.destroyed) return;
  const body =
    answer.json === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(answer.json));
  res.writeHead(answer.status, {
    ...(answer.json === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    'content-length': body.length,
    'twilio-request-id': newSid('RQ'),
    ...answer.headers,
  });
  res.end(body);
}
