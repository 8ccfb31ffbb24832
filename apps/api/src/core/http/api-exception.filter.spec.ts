import type { ArgumentsHost } from '@nestjs/common';
import { z } from 'zod';
import { ApiExceptionFilter } from './api-exception.filter';
import { AppException } from './app.exception';

function run(error: unknown) {
  const headers: Record<string, string> = {};
  let status = 0;
  let body: Record<string, unknown> = {};
  const res = {
    headersSent: false,
    setHeader: (k: string, v: string) => (headers[k] = v),
    status(code: number) {
      status = code;
      return this;
    },
    json(b: Record<string, unknown>) {
      body = b;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({
      getResponse: () => res,
      getRequest: () => ({ id: 'req-1', method: 'POST', url: '/x' }),
    }),
  } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(error, host);
  return { status, body, headers };
}

describe('ApiExceptionFilter', () => {
  it('answers domain errors with their code and the request id', () => {
    const r = run(new AppException('TEXT_TOO_LONG', 'too long'));
    expect(r).toMatchObject({
      status: 422,
      body: { code: 'TEXT_TOO_LONG', message: 'too long', requestId: 'req-1' },
    });
  });

  it('names the invalid fields of a zod error', () => {
    const err = z.object({ text: z.string() }).safeParse({}).error;
    const r = run(err);
    expect(r.status).toBe(400);
    expect(String(r.body['message'])).toContain('text');
  });

  it('sheds load with 503 and Retry-After when no database connection is free', () => {
    const r = run(new Error('timeout exceeded when trying to connect'));
    expect(r).toMatchObject({
      status: 503,
      body: { code: 'OVERLOADED' },
      headers: { 'Retry-After': '2' },
    });
  });

  it('hides unknown errors behind a generic 500', () => {
    const r = run(new Error('password=hunter2 leaked in a stack'));
    expect(r.status).toBe(500);
    expect(JSON.stringify(r.body)).not.toContain('hunter2');
  });
});
