import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiParams } from './api-params';
import { BotApiError, notFound, unauthorized } from './bot-api-error';
import { callBotApi } from './bot-api-methods';
import { BotState } from './bot-state';
import { FakeBotHandle } from './fake-bot';
import {
  DEFAULT_FAKE_BOT_API_LIMITS,
  type FakeBot,
  type FakeBotApiLimits,
  type FakeBotApiOptions,
} from './fake-bot-types';
import { downloadableFile } from './file-methods';
import { decodeApiRequest, MAX_REQUEST_BYTES, readBody } from './read-api-request';

interface RegisteredBot {
  state: BotState;
  handle: FakeBotHandle;
}

/**
 * A local stand-in for https://api.telegram.org: `POST|GET /bot<token>/<method>` with Telegram's
 * envelope, status codes, limits and update delivery (webhook or getUpdates), and file downloads
 * at `/file/bot<token>/<file_path>`. Point grammY at it with `client: { apiRoot }`.
 */
export class FakeBotApi {
  private readonly bots = new Map<string, RegisteredBot>();
  private readonly limits: FakeBotApiLimits;

  private constructor(
    private readonly server: Server,
    readonly apiRoot: string,
    private readonly options: FakeBotApiOptions,
  ) {
    this.limits = { ...DEFAULT_FAKE_BOT_API_LIMITS, ...options.limits };
  }

  /** Starts the server on 127.0.0.1 and a free port. */
  static async start(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const api = new FakeBotApi(server, `http://127.0.0.1:${port}`, options);
    server.on('request', (req, res) => void api.handle(req, res));
    return api;
  }

  /** Registers a bot; its token is `${id}:${secret}`, and the id defaults to the token's prefix. */
  addBot(bot: { token: string; id?: number; username: string; firstName: string }): FakeBot {
    const prefix = Number(bot.token.slice(0, bot.token.indexOf(':')));
    const id = bot.id ?? prefix;
    if (!Number.isSafeInteger(id) || id <= 0) {
      throw new Error('FakeBotApi.addBot: a token looks like "<numeric bot id>:<secret>"');
    }
    if (this.bots.has(bot.token))
      throw new Error('FakeBotApi.addBot: this token is already registered');
    const state = new BotState(
      { token: bot.token, id, username: bot.username, firstName: bot.firstName },
      {
        limits: this.limits,
        webhookTimeoutMs: this.options.webhookTimeoutMs ?? 10_000,
        webhookRetryDelayMs: this.options.webhookRetryDelayMs ?? 200,
        executeWebhookReply: (reply) => void this.runWebhookReply(state, reply),
      },
    );
    const registered = { state, handle: new FakeBotHandle(state) };
    this.bots.set(bot.token, registered);
    return registered.handle;
  }

  bot(token: string): FakeBot {
    const registered = this.bots.get(token);
    if (!registered) throw new Error('FakeBotApi.bot: no bot with this token');
    return registered.handle;
  }

  async stop(): Promise<void> {
    for (const { state } of this.bots.values()) state.stop();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/file/bot')) {
        this.serveFile(url.pathname, res);
        return;
      }
      const route = parseMethodPath(url.pathname);
      if (!route) throw notFound();
      const body = await readBody(req, MAX_REQUEST_BYTES);
      const registered = this.bots.get(route.token);
      if (!registered) throw unauthorized();
      const payload = decodeApiRequest(req.headers['content-type'], body, url.searchParams);
      const outcome = await callBotApi(registered.state, route.method, new ApiParams(payload), {
        socket: req.socket,
        signal: abort.signal,
      });
      answer(res, 200, {
        ok: true,
        result: outcome.result,
        ...(outcome.description ? { description: outcome.description } : {}),
      });
    } catch (error) {
      const apiError =
        error instanceof BotApiError
          ? error
          : new BotApiError(500, `Internal Server Error: ${(error as Error).message}`);
      answer(res, apiError.errorCode, apiError.envelope());
      // An upload refused mid-way must not leave its rest to be read as the next request.
      if (apiError.errorCode === 413) req.socket.destroy();
    }
  }

  private serveFile(pathname: string, res: ServerResponse): void {
    const rest = pathname.slice('/file/bot'.length);
    const slash = rest.indexOf('/');
    const registered =
      slash > 0 ? this.bots.get(decodeURIComponent(rest.slice(0, slash))) : undefined;
    const file =
      registered && !registered.state.revoked
        ? downloadableFile(registered.state, decodeURIComponent(rest.slice(slash + 1)))
        : null;
    if (!file) {
      answer(res, 404, notFound().envelope());
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': file.bytes.length,
    });
    res.end(file.bytes);
  }

  /** A method call the bot put in its webhook answer runs like a normal call; its result is lost. */
  private async runWebhookReply(state: BotState, reply: Record<string, unknown>): Promise<void> {
    const { method, ...fields } = reply;
    try {
      await callBotApi(state, String(method), ApiParams.of(fields), {
        socket: null,
        signal: new AbortController().signal,
      });
    } catch {
      // Telegram does not report errors of webhook replies either.
    }
  }
}

/** `/bot<token>/<method>` → token and method, or null. */
function parseMethodPath(pathname: string): { token: string; method: string } | null {
  if (!pathname.startsWith('/bot')) return null;
  const rest = pathname.slice('/bot'.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  const method = rest.slice(slash + 1);
  if (method === '' || method.includes('/')) return null;
  return { token: decodeURIComponent(rest.slice(0, slash)), method };
}

function answer(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  if (res.writableEnded || res.destroyed) return;
  const json = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': json.length });
  res.end(json);
}
