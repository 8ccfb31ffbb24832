import type { ArgumentMetadata, ArgumentsHost } from '@nestjs/common';
import { ChannelInputError } from '@switchboard/channels-core';
import { safeText } from '@switchboard/contracts';
import { z } from 'zod';
import { ApiExceptionFilter } from './api-exception.filter';
import { AppException } from './app.exception';
import { UuidPathParamsPipe } from './uuid-path-params.pipe';

function answer(error: unknown) {
  let status = 0;
  let body: Record<string, unknown> = {};
  const res = {
    headersSent: false,
    setHeader: () => undefined,
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
  return { status, body };
}

describe('bad bytes in API answers', () => {
  const schema = z.object({ text: safeText(), n: z.number() });

  it('answers control characters 422 INVALID_CHARACTERS, naming field and character', () => {
    const r = answer(schema.safeParse({ text: 'a\u0000', n: 1 }).error);
    expect(r).toMatchObject({ status: 422, body: { code: 'INVALID_CHARACTERS' } });
    expect(r.body['message']).toBe(
      'text: contains a control character (U+0000) at position 1; remove it',
    );
  });

  it('answers 400 with every reason when other fields are wrong too', () => {
    const r = answer(schema.safeParse({ text: 'a\u0000', n: 'x' }).error);
    expect(r).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(String(r.body['message'])).toMatch(/text: .*U\+0000.*; n: /);
  });

  it('answers a channel’s refusal of bad characters 422 too (webhooks must not be redelivered)', () => {
    const cause = z.object({ text: safeText() }).safeParse({ text: '\u001b' }).error;
    const r = answer(new ChannelInputError('messages.0.text: contains …', { cause }));
    expect(r).toMatchObject({ status: 422, body: { code: 'INVALID_CHARACTERS' } });
    expect(answer(new ChannelInputError('Body is not valid JSON')).status).toBe(400);
  });

  it('turns PostgreSQL refusing a value into a 400 that says so, never a 500', () => {
    const refused = Object.assign(new Error('unsupported Unicode escape sequence'), {
      name: 'QueryFailedError',
      code: '22P05',
    });
    expect(answer(refused)).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: { reason: 'storage_refused' } },
    });
    const otherDbError = Object.assign(new Error('deadlock'), {
      name: 'QueryFailedError',
      code: '40P01',
    });
    expect(answer(otherDbError).status).toBe(500);
  });

  it('never echoes control characters or a whole provider answer in a message', () => {
    const r = answer(
      new AppException('VALIDATION_FAILED', `IMAP said: \u0000${'x'.repeat(5_000)}`),
    );
    const message = String(r.body['message']);
    expect(message.length).toBeLessThanOrEqual(1_000);
    expect(message).not.toContain('\u0000');
  });
});

describe('UuidPathParamsPipe', () => {
  const pipe = new UuidPathParamsPipe();
  const param = (data: string): ArgumentMetadata => ({ type: 'param', data });

  it('lets UUIDs, other parameters and other arguments through', () => {
    const id = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';
    expect(pipe.transform(id, param('id'))).toBe(id);
    expect(pipe.transform(id.toUpperCase(), param('inboxId'))).toBe(id.toUpperCase());
    expect(pipe.transform('report.pdf', param('filename'))).toBe('report.pdf');
    expect(pipe.transform('not-a-uuid', { type: 'body' })).toBe('not-a-uuid');
  });

  it.each(['id', 'inboxId', 'fileId'])(
    'answers a malformed :%s with 404 and the reason',
    (name) => {
      for (const bad of ['', 'x', '1b4e28ba-2fa1-11d2-883f-0016d3cca42', "' OR 1=1", '\u0000']) {
        expect(() => pipe.transform(bad, param(name))).toThrow(
          expect.objectContaining({
            code: 'NOT_FOUND',
            message: `Not found: the path parameter "${name}" must be a UUID`,
          }),
        );
      }
    },
  );
});
