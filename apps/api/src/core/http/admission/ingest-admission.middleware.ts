import { Logger } from '@nestjs/common';
import type { ApiErrorDto } from '@switchboard/contracts';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../../config/app-config';
import { AdmissionControl, type AdmissionLimits } from './admission-control';

/**
 * The routes that store what customers send: every channel's webhook and the widget's message
 * send. Each ends in a committed database write, so they are where a flood piles up.
 */
const INGEST_ROUTES = [/^\/api\/webhooks\/[^/]+\/?$/, /^\/api\/widget\/[^/]+\/messages\/?$/];

/** One line per this many ms while shedding, never one per refused request. */
const LOG_EVERY_MS = 10_000;

/**
 * INGEST_CONCURRENCY defaults to four times the pool: ingests arriving together are written in one
 * transaction (group commit), so more of them in flight make bigger groups, not longer queues for
 * a connection; and it stays above the 32 senders of the saturation bench. Measured under 2×
 * overload with group commit: 40 completed 40 % more than 20, at the same refusal latency p50.
 */
export function ingestAdmissionLimits(config: AppConfig): AdmissionLimits {
  const concurrency = config.INGEST_CONCURRENCY ?? 4 * config.DATABASE_POOL_SIZE;
  return {
    concurrency,
    queue: config.INGEST_QUEUE ?? 8 * concurrency,
    maxWaitMs: config.INGEST_MAX_WAIT_MS,
  };
}

/**
 * Admission control for the ingest routes, mounted before the body parsers: a request refused
 * here costs no body parsing, no signature check and no database work, and is answered 503
 * OVERLOADED with Retry-After at once. An admitted request runs to the end; it is never refused
 * after its work started, so a 503 always means "nothing stored, retry" (providers redeliver).
 */
export function ingestAdmission(control: AdmissionControl) {
  const logger = new Logger('IngestAdmission');
  let loggedAt = 0;
  let refusedAtLog = 0;
  const refuse = (res: Response, retryAfterSeconds: number) => {
    const now = Date.now();
    if (now - loggedAt >= LOG_EVERY_MS) {
      logger.warn(
        `Overloaded: refused ${control.refused - refusedAtLog} ingests since the last report ` +
          `(${control.active} running, ${control.queued} queued, ` +
          `mean service ${control.meanServiceMs.toFixed(1)} ms)`,
      );
      loggedAt = now;
      refusedAtLog = control.refused;
    }
    if (res.headersSent) return;
    const body: ApiErrorDto = {
      statusCode: 503,
      code: 'OVERLOADED',
      message: 'The server is busy; retry shortly',
    };
    res.statusCode = 503;
    res.setHeader('Retry-After', String(retryAfterSeconds));
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify(body));
  };

  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST' || !INGEST_ROUTES.some((r) => r.test(req.path))) return next();
    let granted = false;
    const cancel = control.enter(
      (release) => {
        granted = true;
        // The client went away while it waited: nothing to do, the slot is free again.
        if (res.writableEnded || res.destroyed) return release();
        // The slot is held until the handler answers, not until the client hangs up: a provider
        // that gives up early must not let a new ingest start beside the one still running.
        const end = res.end as (...args: unknown[]) => Response;
        res.end = ((...args: unknown[]) => {
          release();
          return end.apply(res, args);
        }) as Response['end'];
        next();
      },
      (retryAfterSeconds) => refuse(res, retryAfterSeconds),
    );
    // A request that leaves the queue before its turn takes no slot.
    res.once('close', () => {
      if (!granted) cancel();
    });
  };
}
