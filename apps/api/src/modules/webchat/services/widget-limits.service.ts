import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config';
import type { WidgetUsageKind } from '../entities/webchat-usage-counter.entity';
import { UploadClaimRepository } from '../repositories/upload-claim.repository';
import { WidgetUsageRepository, type UsageTake } from '../repositories/widget-usage.repository';
import {
  secondsUntilEnd,
  usageWindow,
  type UsageWindow,
  type UsageWindowSize,
} from './usage-window';
import { WidgetRateLimitedException } from './widget-rate-limited.exception';

/** Who is asking: the visitor and the network they call from (IPv4 address, IPv6 /64). */
export interface WidgetCaller {
  inboxId: string;
  visitorKey: string;
  network: string;
}

/** Follow-up confirmation mails: enough for typos, too few to mail-bomb anyone through us. */
const CONFIRMATION_MAILS = { perVisitorHour: 3, perAddressDay: 5, perNetworkDay: 30 };
const SWEEP_MS = 10 * 60_000;
/** An upload claim older than this belongs to a request that died. */
export const UPLOAD_CLAIM_STALE_SECONDS = 120;

interface Limit {
  kind: WidgetUsageKind;
  subject: string;
  window: UsageWindowSize;
  maxCount: number;
  maxBytes: number;
  /** Says what was exceeded, for the 429's message. */
  reason: string;
}

/**
 * The public widget's limits: messages per minute, uploads (count and bytes) per day and
 * confirmation mails, each per visitor and per network. Counted in PostgreSQL in fixed UTC
 * windows, so they hold across API instances and restarts; a refused request counts nothing.
 */
@Injectable()
export class WidgetLimitsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(WidgetLimitsService.name);
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly usage: WidgetUsageRepository,
    private readonly claims: UploadClaimRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One more message from this caller, or 429 (nothing counted). */
  async takeMessage(caller: WidgetCaller, now = new Date()): Promise<void> {
    await this.takeAll(this.messageLimits(caller), 0, now);
  }

  /** One more message carrying a file of `bytes`: the message and the upload limits together. */
  async takeUpload(caller: WidgetCaller, bytes: number, now = new Date()): Promise<void> {
    await this.takeAll([...this.messageLimits(caller), ...this.uploadLimits(caller)], bytes, now);
  }

  /**
   * Before an upload's body is read: refuses at once when the day's uploads are used up, or when
   * the declared size cannot fit in what is left. Counts nothing; `takeUpload` does, afterwards.
   */
  async assertUploadAllowed(
    caller: WidgetCaller,
    declaredBytes: number | null,
    now = new Date(),
  ): Promise<void> {
    const limits = this.uploadLimits(caller);
    const windows = limits.map((l) => usageWindow(l.window, now));
    const levels = await this.usage.levels(
      limits.map((l, i) => ({ kind: l.kind, subject: l.subject, windowStart: windows[i].start })),
    );
    limits.forEach((limit, i) => {
      const level = levels.find((x) => x.kind === limit.kind && x.subject === limit.subject);
      const count = level?.count ?? 0;
      const bytes = level?.bytes ?? 0;
      if (count + 1 > limit.maxCount || bytes + (declaredBytes ?? 1) > limit.maxBytes) {
        throw new WidgetRateLimitedException(limit.reason, secondsUntilEnd(windows[i], now));
      }
    });
  }

  /** One more confirmation mail to `email` asked by this caller, or 429. */
  async takeConfirmationMail(caller: WidgetCaller, email: string, now = new Date()) {
    const { perVisitorHour, perAddressDay, perNetworkDay } = CONFIRMATION_MAILS;
    const kind = 'confirmation-mail';
    await this.takeAll(
      [
        {
          kind,
          subject: visitorSubject(caller),
          window: 'hour',
          maxCount: perVisitorHour,
          maxBytes: Number.MAX_SAFE_INTEGER,
          reason: `Too many confirmation emails: at most ${perVisitorHour} an hour.`,
        },
        {
          kind,
          subject: `address:${email.toLowerCase()}`,
          window: 'day',
          maxCount: perAddressDay,
          maxBytes: Number.MAX_SAFE_INTEGER,
          reason: `Too many confirmation emails to this address today (at most ${perAddressDay}).`,
        },
        {
          kind,
          subject: `ip:${caller.network}`,
          window: 'day',
          maxCount: perNetworkDay,
          maxBytes: Number.MAX_SAFE_INTEGER,
          reason: `Too many confirmation emails from this network today (at most ${perNetworkDay}).`,
        },
      ],
      0,
      now,
    );
  }

  /** Old counters and abandoned upload claims. */
  async sweep(): Promise<void> {
    try {
      await this.usage.deleteExpired();
      await this.claims.deleteOlderThan(UPLOAD_CLAIM_STALE_SECONDS * 10);
    } catch (err) {
      this.logger.warn(`Widget usage sweep failed: ${(err as Error).message}`);
    }
  }

  private messageLimits(caller: WidgetCaller): Limit[] {
    const c = this.config;
    return [
      {
        kind: 'message',
        subject: visitorSubject(caller),
        window: 'minute',
        maxCount: c.WIDGET_MESSAGES_PER_MINUTE_PER_VISITOR,
        maxBytes: Number.MAX_SAFE_INTEGER,
        reason: `Too many messages: at most ${c.WIDGET_MESSAGES_PER_MINUTE_PER_VISITOR} a minute.`,
      },
      {
        kind: 'message',
        subject: `ip:${caller.network}`,
        window: 'minute',
        maxCount: c.WIDGET_MESSAGES_PER_MINUTE_PER_IP,
        maxBytes: Number.MAX_SAFE_INTEGER,
        reason: `Too many messages from this network: at most ${c.WIDGET_MESSAGES_PER_MINUTE_PER_IP} a minute.`,
      },
    ];
  }

  private uploadLimits(caller: WidgetCaller): Limit[] {
    const c = this.config;
    return [
      {
        kind: 'upload',
        subject: visitorSubject(caller),
        window: 'day',
        maxCount: c.WIDGET_UPLOADS_PER_DAY_PER_VISITOR,
        maxBytes: c.WIDGET_UPLOAD_BYTES_PER_DAY_PER_VISITOR,
        reason: `Upload limit reached: at most ${c.WIDGET_UPLOADS_PER_DAY_PER_VISITOR} files and ${megabytes(c.WIDGET_UPLOAD_BYTES_PER_DAY_PER_VISITOR)} a day.`,
      },
      {
        kind: 'upload',
        subject: `ip:${caller.network}`,
        window: 'day',
        maxCount: c.WIDGET_UPLOADS_PER_DAY_PER_IP,
        maxBytes: c.WIDGET_UPLOAD_BYTES_PER_DAY_PER_IP,
        reason: `Upload limit reached for this network: at most ${c.WIDGET_UPLOADS_PER_DAY_PER_IP} files and ${megabytes(c.WIDGET_UPLOAD_BYTES_PER_DAY_PER_IP)} a day.`,
      },
    ];
  }

  /** All counters move together or none does: a refused request leaves every count as it was. */
  private async takeAll(limits: Limit[], bytes: number, now: Date): Promise<void> {
    const takes = limits.map((limit) => {
      const window = usageWindow(limit.window, now);
      const take: UsageTake = {
        kind: limit.kind,
        subject: limit.subject,
        windowStart: window.start,
        expiresAt: window.end,
        bytes: limit.kind === 'upload' ? bytes : 0,
        maxCount: limit.maxCount,
        maxBytes: limit.maxBytes,
      };
      return { limit, window, take };
    });
    // A first use that alone exceeds a limit never reaches the upsert (which only checks on conflict).
    let refused: Refusal | null =
      takes.find((t) => t.take.maxCount < 1 || t.take.bytes > t.take.maxBytes) ?? null;
    if (!refused) {
      refused = await this.ds
        .transaction(async (em) => {
          for (const t of takes) {
            if (!(await this.usage.tryAdd(em, t.take))) {
              throw new Refused(t);
            }
          }
          return null;
        })
        .catch((err: unknown) => {
          if (err instanceof Refused) return err.which;
          throw err;
        });
    }
    if (refused) {
      throw new WidgetRateLimitedException(
        refused.limit.reason,
        secondsUntilEnd(refused.window, now),
      );
    }
  }
}

interface Refusal {
  limit: Limit;
  window: UsageWindow;
}

/** Rolls the counting transaction back, carrying which limit refused. */
class Refused extends Error {
  constructor(readonly which: Refusal) {
    super('refused');
  }
}

function visitorSubject(caller: WidgetCaller): string {
  return `visitor:${caller.inboxId}:${caller.visitorKey}`;
}

function megabytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
