import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  emailSecretsSchema,
  emailSettingsSchema,
  type EmailInboxContext,
} from '@switchboard/channels-email';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { queryRows } from '../../core/database/sql-rows';
import { InboxesService } from '../inboxes/inboxes.service';
import { EmailIngestService } from './email-ingest.service';
import { EmailSyncStateRepository } from './email-sync-state.repository';
import { EMAIL_SYNC_TIMINGS, type EmailSyncTimings } from './email-sync-timings';
import { ImapMailboxSync } from './imap-mailbox-sync';

interface EmailInboxRow {
  id: string;
  account_id: string;
  updated_at: Date;
}

/**
 * Runs one mailbox sync per email inbox on every API instance; the advisory lock inside each sync
 * makes sure only one instance actually fetches a given mailbox. Inboxes added, changed or removed
 * are picked up by a periodic rescan.
 */
@Injectable()
export class EmailSyncService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EmailSyncService.name);
  private readonly syncs = new Map<string, { sync: ImapMailboxSync; version: number }>();
  private rescanTimer: NodeJS.Timeout | null = null;
  private rescanning: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EMAIL_SYNC_TIMINGS) private readonly timings: EmailSyncTimings,
    private readonly inboxes: InboxesService,
    private readonly ingest: EmailIngestService,
    private readonly state: EmailSyncStateRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.rescanNow();
    this.rescanTimer = setInterval(() => this.rescanNow(), this.timings.rescanMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.rescanTimer) clearInterval(this.rescanTimer);
    await this.rescanning.catch(() => undefined);
    await Promise.all([...this.syncs.values()].map(({ sync }) => sync.stop()));
    this.syncs.clear();
  }

  /** Re-read the email inboxes now (after an inbox was saved, instead of waiting for the timer). */
  rescanNow(): Promise<void> {
    this.rescanning = this.rescanning
      .then(() => this.rescan())
      .catch((err: unknown) => this.logger.warn(`email inbox rescan failed: ${String(err)}`));
    return this.rescanning;
  }

  private async rescan(): Promise<void> {
    if (this.stopped) return;
    const rows = await queryRows<EmailInboxRow>(
      this.ds.manager,
      `SELECT id, account_id, updated_at FROM inboxes WHERE kind = 'email'`,
    );
    const wanted = new Map(rows.map((r) => [r.id, r]));
    for (const [id, entry] of this.syncs) {
      const row = wanted.get(id);
      if (!row || row.updated_at.getTime() !== entry.version) {
        this.syncs.delete(id);
        await entry.sync.stop();
      }
    }
    for (const row of rows) {
      if (this.syncs.has(row.id) || this.stopped) continue;
      const sync = new ImapMailboxSync(row.id, {
        databaseUrl: this.config.DATABASE_URL,
        accountId: row.account_id,
        context: () => this.context(row.id),
        ingest: this.ingest,
        state: this.state,
        timings: this.timings,
        log: (level, message) => this.logger[level](message),
      });
      this.syncs.set(row.id, { sync, version: row.updated_at.getTime() });
      sync.start();
    }
  }

  private async context(inboxId: string): Promise<EmailInboxContext> {
    const { context } = await this.inboxes.loadContext(inboxId);
    return {
      ...context,
      settings: emailSettingsSchema.parse(context.settings),
      secrets: emailSecretsSchema.parse(context.secrets),
    };
  }
}
