import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import {
  isInvalidCharactersIssue,
  type ApiErrorCode,
  type ApiErrorDto,
} from '@switchboard/contracts';
import { ChannelInputError } from '@switchboard/channels-core';
import type { Request, Response } from 'express';
import { ZodError } from 'zod';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { AppException } from './app.exception';
import { presentableMessage } from './presentable-message';
import { STORAGE_REFUSED, storageRefusal } from './storage-refusal';

/**
 * Every error leaves as ApiErrorDto: a status, a code and a reason a human can act on.
 * Unknown errors are logged and answered with a generic 500 that leaks nothing.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception);
    body.message = presentableMessage(body.message);
    body.requestId = typeof req.id === 'string' ? req.id : undefined;
    if (body.code === 'UNAVAILABLE') {
      this.logger.warn(
        `Database unreachable on ${req.method} ${req.url}: ${(exception as Error).message}`,
      );
    } else if (body.statusCode >= 500) {
      this.logger.error(
        { err: exception, requestId: body.requestId },
        `Unhandled error on ${req.method} ${req.url}`,
      );
    } else if (storageRefusal(exception)) {
      // Answered with a 4xx, but validation has a gap: worth a look.
      this.logger.error(
        { err: exception, requestId: body.requestId },
        `Unvalidated input reached the database on ${req.method} ${req.url}`,
      );
    }
    if (res.headersSent) return;
    // Overload is temporary: tell clients (and channel providers, which redeliver) when to retry.
    if (body.code === 'OVERLOADED' || body.code === 'UNAVAILABLE')
      res.setHeader('Retry-After', '2');
    res.status(body.statusCode).json(body);
  }

  private toBody(e: unknown): ApiErrorDto {
    if (e instanceof AppException) {
      return { statusCode: e.getStatus(), code: e.code, message: e.message, details: e.details };
    }
    if (e instanceof ZodError) return zodBody(e);
    if (e instanceof ChannelInputError) {
      // An adapter that validated with zod passes the error on: bad characters get their own 422.
      if (e.cause instanceof ZodError && onlyInvalidCharacters(e.cause))
        return { ...zodBody(e.cause), message: e.message };
      return { statusCode: 400, code: 'VALIDATION_FAILED', message: e.message };
    }
    if (e instanceof HttpException) {
      const status = e.getStatus();
      return { statusCode: status, code: codeForStatus(status), message: messageOf(e) };
    }
    // body-parser errors (malformed JSON, body too large) carry their own 4xx status.
    const status = (e as { status?: unknown; type?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const type = (e as { type?: unknown }).type;
      const message =
        type === 'entity.parse.failed'
          ? 'Request body is not valid JSON'
          : type === 'entity.too.large'
            ? 'Request body is too large'
            : (e as Error).message;
      return { statusCode: status, code: codeForStatus(status), message };
    }
    // Every pooled connection busy for too long: shed load rather than pile up. Nothing was stored
    // (the transaction never started), so a provider's redelivery is safe.
    if (e instanceof Error && /timeout exceeded when trying to connect/i.test(e.message)) {
      return { statusCode: 503, code: 'OVERLOADED', message: 'The server is busy; retry shortly' };
    }
    const refusal = storageRefusal(e);
    if (refusal)
      return {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: refusal,
        details: { reason: STORAGE_REFUSED },
      };
    // The database is restarting or failing over: nothing committed, a retry is safe.
    if (isDatabaseUnavailable(e)) {
      return {
        statusCode: 503,
        code: 'UNAVAILABLE',
        message: 'The database is unreachable; retry shortly',
      };
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'Internal server error' };
  }
}

function zodBody(e: ZodError): ApiErrorDto {
  return {
    statusCode: onlyInvalidCharacters(e) ? 422 : 400,
    code: onlyInvalidCharacters(e) ? 'INVALID_CHARACTERS' : 'VALIDATION_FAILED',
    message: e.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    details: e.issues.map((i) => ({ path: i.path, message: i.message })),
  };
}

/** Refused only for control characters or broken Unicode: 422, so clients can tell it apart. */
function onlyInvalidCharacters(e: ZodError): boolean {
  return e.issues.length > 0 && e.issues.every((i) => isInvalidCharactersIssue(i));
}

function messageOf(e: HttpException): string {
  const r = e.getResponse();
  if (typeof r === 'string') return r;
  const m = (r as { message?: unknown }).message;
  if (Array.isArray(m)) return m.join('; ');
  return typeof m === 'string' ? m : e.message;
}

function codeForStatus(status: number): ApiErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'INTERNAL';
  return 'VALIDATION_FAILED';
}
