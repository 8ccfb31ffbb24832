import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp, type Options } from 'pino-http';
import type { AppConfig } from '../config/config.schema';
import { loggerOptions } from './logger-options';

interface LogLine {
  level: number;
  msg?: string;
  req?: { id: string; method: string; url: string; headers: Record<string, string> };
  res?: { statusCode: number };
  err?: { message: string };
}

/** The API's request logging over a real HTTP server, its lines caught as JSON. */
describe('request logging', () => {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as LogLine);
      done();
    },
  });
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const config = { NODE_ENV: 'production', LOG_LEVEL: 'info', LOG_FORMAT: 'json' } as AppConfig;
    const options = loggerOptions(config).pinoHttp as Options;
    const middleware = pinoHttp(options, sink);
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      middleware(req, res);
      if (req.url === '/boom') {
        req.log.warn('handler noticed something');
        res.statusCode = 500;
      } else res.statusCode = req.url === '/missing' ? 404 : 200;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    lines.length = 0;
  });

  const lastLine = async () => {
    for (let i = 0; i < 50 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    return lines[lines.length - 1];
  };

  it('writes one line per request with its id, method, url and status, and never its token', async () => {
    const res = await fetch(`${base}/api/conversations?status=open`, {
      headers: { authorization: 'Bearer secret-token', 'x-request-id': 'trace-1' },
    });
    expect(res.headers.get('x-request-id')).toBe('trace-1');
    const line = await lastLine();
    expect(line).toMatchObject({
      level: 30,
      req: { id: 'trace-1', method: 'GET', url: '/api/conversations?status=open' },
      res: { statusCode: 200 },
      msg: 'request completed',
    });
    expect(line.req?.headers.authorization).toBe('[Redacted]');
    expect(JSON.stringify(lines)).not.toContain('secret-token');
  });

  it('makes up an id for a request without a usable one', async () => {
    const res = await fetch(`${base}/x`, { headers: { 'x-request-id': 'not ok!' } });
    const id = res.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await lastLine()).req?.id).toBe(id);
  });

  it('logs a refusal as a warning and a failure as an error, with the request', async () => {
    await fetch(`${base}/missing`);
    expect(await lastLine()).toMatchObject({ level: 40, req: { url: '/missing' } });
    lines.length = 0;
    await fetch(`${base}/boom`);
    await lastLine();
    const failure = lines.find((l) => l.level === 50);
    expect(failure).toMatchObject({
      req: { method: 'GET', url: '/boom' },
      res: { statusCode: 500 },
      err: { message: 'failed with status code 500' },
    });
    // A line written while handling the request carries the request, so it can be told apart.
    const during = lines.find((l) => l.msg === 'handler noticed something');
    expect(during).toMatchObject({ level: 40, req: { id: failure?.req?.id, url: '/boom' } });
  });

  it('leaves health checks out', async () => {
    await fetch(`${base}/api/health`);
    await new Promise((r) => setTimeout(r, 50));
    expect(lines).toEqual([]);
  });
});
