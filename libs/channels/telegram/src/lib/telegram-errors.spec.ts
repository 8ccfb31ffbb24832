import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api, GrammyError } from 'grammy';
import { channelErrorFrom, scrubToken } from './telegram-errors';

const TOKEN = '123456:AAbbCCddEEffGGhhIIjjKKllMMnn';

function answer(error_code: number, description: string, retry_after?: number): GrammyError {
  return new GrammyError(
    "Call to 'sendMessage' failed!",
    { ok: false, error_code, description, parameters: retry_after ? { retry_after } : undefined },
    'sendMessage',
    {},
  );
}

async function listen(
  handler: Parameters<typeof createServer>[1],
): Promise<{ server: Server; root: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, root: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('channelErrorFrom', () => {
  const map = (e: unknown, delivers = true) => channelErrorFrom(e, { token: TOKEN, delivers });

  it('maps Telegram answers to channel error codes', () => {
    expect(map(answer(401, 'Unauthorized'))).toMatchObject({
      code: 'AUTH_FAILED',
      message: 'Telegram rejected the bot token (401 Unauthorized)',
    });
    expect(map(answer(403, 'Forbidden: bot was blocked by the user'))).toMatchObject({
      code: 'INVALID_RECIPIENT',
      message: 'Forbidden: bot was blocked by the user',
    });
    expect(map(answer(400, 'Bad Request: chat not found')).code).toBe('INVALID_RECIPIENT');
    expect(map(answer(400, "Bad Request: can't parse entities"))).toMatchObject({
      code: 'CONTENT_REJECTED',
      message: "Bad Request: can't parse entities",
    });
    expect(map(answer(502, 'Bad Gateway'))).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
    expect(map(answer(429, 'Too Many Requests: retry after 7', 7))).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 7000,
    });
  });

  it('says the outcome is unknown when the connection broke after a send went out', async () => {
    const { server, root } = await listen((req) => req.socket.destroy());
    try {
      const error = await new Api(TOKEN, { apiRoot: root })
        .sendMessage(1, 'hi')
        .catch((e: unknown) => e);
      expect(map(error, true).code).toBe('OUTCOME_UNKNOWN');
      expect(map(error, false).code).toBe('UNAVAILABLE');
    } finally {
      server.close();
    }
  });

  it('calls a refused connection a plain outage, without the token in the message', async () => {
    const { server, root } = await listen(() => undefined);
    await new Promise((resolve) => server.close(resolve));
    const error = await new Api(TOKEN, { apiRoot: root, sensitiveLogs: true })
      .sendMessage(1, 'hi')
      .catch((e: unknown) => e);
    const mapped = map(error);
    expect(mapped.code).toBe('UNAVAILABLE');
    expect(mapped.message).not.toContain(TOKEN);
    expect(mapped.message).not.toContain(TOKEN.split(':')[1]);
  });

  it('treats an answer that is not JSON (a proxy page) as an outage', async () => {
    const { server, root } = await listen((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>');
    });
    try {
      const error = await new Api(TOKEN, { apiRoot: root })
        .sendMessage(1, 'hi')
        .catch((e: unknown) => e);
      expect(map(error).code).toBe('UNAVAILABLE');
    } finally {
      server.close();
    }
  });
});

describe('scrubToken', () => {
  it('removes every copy of the token', () => {
    expect(scrubToken(`GET /bot${TOKEN}/getMe and ${TOKEN}`, TOKEN)).toBe(
      'GET /bot<redacted>/getMe and <redacted>',
    );
  });
});
