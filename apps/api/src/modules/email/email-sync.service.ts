import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import {
  emailSecretsSchema,
  emailSettingsSchema,
  type EmailInboxContext,
} from '@switchboard/channels-email';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { InboxesService } from '../inboxes/inboxes.service';
import { InboxLifecycleSignals } from '../inboxes/inbox-lifecycle.signals';
import { EmailIngestService } from './email-ingest.service';
import { EmailSyncLogRepository } from './email-sync-log.repository';
import { EmailSyncStatesRepository } from './email-sync-states.repository';
import { EMAIL_SYNC_TIMINGS, type EmailSyncTimings } from './email-sync-timings';
import { ImapMailboxSync } from './imap-mailbox-sync';
import { EmailOAuthTokensService } from './oauth/email-oauth-tokens.service';

/**
 * Runs one mailbox sync per email inbox on every API instance; the advisory lock inside each sync
 * makes sure only one instance actually fetches a given mailbox. Inboxes added, changed or removed
 * are picked up by a periodic rescan; a pause, resume or removal on any instance at once (its
 * lifecycle signal), so a removed or paused inbox's connection and lock are let go immediately.
 */
@Injectable()
export class EmailSyncService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EmailSyncService.name);
  private readonly syncs = new Map<string, { sync: ImapMailboxSync; version: number }>();
  private rescanTimer: NodeJS.Timeout | null = null;
  private rescanning: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EMAIL_SYNC_TIMINGS) private readonly timings: EmailSyncTimings,
    private readonly inboxes: InboxesService,
    private readonly ingest: EmailIngestService,
    private readonly states: EmailSyncStatesRepository,
    private readonly syncLog: EmailSyncLogRepository,
    private readonly lifecycle: InboxLifecycleSignals,
    private readonly tokens: EmailOAuthTokensService,
  ) {}

  private stopListening: (() => void) | null = null;

  onApplicationBootstrap(): void {
    this.stopListening = this.lifecycle.onChange(() => void this.rescanNow());
    this.rescanNow();
    this.rescanTimer = setInterval(() => this.rescanNow(), this.timings.rescanMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.stopListening?.();
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
    const inboxes = await this.states.listSyncedInboxes();
    const wanted = new Map(inboxes.map((inbox) => [inbox.id, inbox]));
    for (const [id, entry] of this.syncs) {
      const inbox = wanted.get(id);
      if (!inbox || inbox.updatedAt.getTime() !== entry.version) {
        this.syncs.delete(id);
        await entry.sync.stop();
      }
    }
    for (const inbox of inboxes) {
      if (this.syncs.has(inbox.id) || this.stopped) continue;
      const sync = new ImapMailboxSync(inbox.id, {
        databaseUrl: this.config.DATABASE_URL,
        accountId: inbox.accountId,
        context: (options) => this.context(inbox.id, options),
        ingest: this.ingest,
        states: this.states,
        syncLog: this.syncLog,
        timings: this.timings,
        log: (level, message) => this.logger[level](message),
      });
      this.syncs.set(inbox.id, { sync, version: inbox.updatedAt.getTime() });
      sync.start();
    }
  }

  private async context(
    inboxId: string,
    options: { refusedToken?: string },
  ): Promise<EmailInboxContext> {
    const { context } = await this.inboxes.loadContext(inboxId);
    const secrets = emailSecretsSchema.parse(context.secrets);
    return {
      ...context,
      settings: emailSettingsSchema.parse(context.settings),
      // An OAuth inbox connects with a current access token.
      secrets: await this.tokens.fresh(inboxId, secrets, options),
    };
  }
}
