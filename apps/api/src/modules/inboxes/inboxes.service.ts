import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateInboxRequest, InboxDto, UpdateInboxRequest } from '@switchboard/contracts';
import {
  ChannelError,
  type AnyChannelAdapter,
  type InboxContext,
} from '@switchboard/channels-core';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { SecretBox } from '../../core/crypto/secret-box';
import { AppException, notFound } from '../../core/http/app.exception';
import { ChannelRegistryService } from '../channels/channel-registry.service';
import { isUuid } from '../conversations/keyset-cursor';

import type { InboxEntity } from './entities/inbox.entity';
import { InboxLifecycleSignals } from './inbox-lifecycle.signals';
import { toInboxDto } from './inbox.mapper';
import { isPausable } from './inbox-pausing';
import { InboxesRepository } from './inboxes.repository';

/** An inbox as the server uses it (secrets still sealed). */
export type InboxRow = InboxEntity;

/**
 * Webhooks for one inbox arrive in bursts; its decrypted context is kept this long per instance.
 * A settings change reaches the other instances within this time.
 */
const CONTEXT_TTL_MS = 5_000;

/** Inboxes: one per connected channel. Secrets are sealed at rest and never leave through the API. */
@Injectable()
export class InboxesService implements OnModuleInit {
  private readonly logger = new Logger(InboxesService.name);
  private readonly contextCache = new Map<
    string,
    { expires: number; value: { inbox: InboxRow; context: InboxContext<unknown, unknown> } }
  >();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: InboxesRepository,
    private readonly box: SecretBox,
    private readonly registry: ChannelRegistryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lifecycle: InboxLifecycleSignals,
  ) {}

  onModuleInit(): void {
    // Paused, resumed or removed on any instance: webhooks here see it at once, not in 5 s.
    this.lifecycle.onChange((id) => this.contextCache.delete(id));
  }

  async list(accountId: string): Promise<InboxDto[]> {
    return (await this.repo.listByAccount(accountId)).map((r) => this.dto(r));
  }

  async get(accountId: string, id: string): Promise<InboxDto> {
    return this.dto(await this.activeRow(id, accountId));
  }

  /** An inbox that is still connected; a removed one is 404 to its webhooks and its settings. */
  async activeRow(id: string, accountId?: string): Promise<InboxRow> {
    const row = await this.row(id, accountId);
    if (row.removedAt) throw notFound('Inbox');
    return row;
  }

  async create(
    accountId: string,
    req: CreateInboxRequest,
    em: EntityManager = this.ds.manager,
  ): Promise<InboxDto> {
    const adapter = this.registry.get(req.kind);
    const parsedSettings = parseOr400(
      adapter.manifest.settingsSchema,
      req.settings ?? {},
      'settings',
    );
    const parsedSecrets = parseOr400(adapter.manifest.secretsSchema, req.secrets ?? {}, 'secrets');
    const id = randomUUID();
    // The provider checks the credentials (and learns our webhook URL) before anything is stored.
    const { settings, secrets } = await this.connect(
      adapter,
      this.contextOf(id, parsedSettings, parsedSecrets),
      null,
    );
    const row = await this.repo.insert(em, {
      id,
      accountId,
      kind: req.kind,
      name: req.name,
      settings,
      secretsEncrypted: this.box.seal(JSON.stringify(secrets)),
      secretKeys: setKeys(secrets),
      reopenPolicy: req.reopenPolicy ?? 'reopen',
      replyWindowHours: replyWindowOf(adapter, this.contextOf(id, settings, secrets)),
    });
    return this.dto(row);
  }

  async update(accountId: string, id: string, req: UpdateInboxRequest): Promise<InboxDto> {
    this.contextCache.delete(id);
    const current = await this.activeRow(id, accountId);
    const adapter = this.registry.get(current.kind);
    const parsedSettings = req.settings
      ? parseOr400(
          adapter.manifest.settingsSchema,
          { ...current.settings, ...req.settings },
          'settings',
        )
      : current.settings;
    // Secrets merge: a field left out keeps its stored value, so the form never has to echo them.
    const oldSecrets = this.openSecrets(current);
    const parsedSecrets = req.secrets
      ? parseOr400(adapter.manifest.secretsSchema, { ...oldSecrets, ...req.secrets }, 'secrets')
      : oldSecrets;
    const channelChanged = Boolean(req.settings || req.secrets);
    const { settings, secrets } = channelChanged
      ? await this.connect(
          adapter,
          this.contextOf(id, parsedSettings, parsedSecrets),
          this.contextOf(id, current.settings, oldSecrets),
        )
      : { settings: current.settings, secrets: oldSecrets };
    const row = await this.repo.update(accountId, id, {
      name: req.name ?? current.name,
      settings,
      secretsEncrypted: this.box.seal(JSON.stringify(secrets)),
      secretKeys: setKeys(secrets),
      reopenPolicy: req.reopenPolicy ?? current.reopenPolicy,
      replyWindowHours: replyWindowOf(adapter, this.contextOf(id, settings, secrets)),
      // A paused bot switched to webhook delivery cannot stay paused: its messages arrive again.
      ...(current.pausedAt && !isPausable({ kind: current.kind, settings })
        ? { pausedAt: null }
        : {}),
      // Credentials the provider just accepted clear the old complaint.
      ...(channelChanged && adapter.connect
        ? { connectionError: null, connectionErrorAt: null }
        : {}),
    });
    if (!row) throw notFound('Inbox');
    return this.dto(row);
  }

  /**
   * Removes an inbox: the provider stops sending (the webhook is deleted), it leaves the settings
   * and its webhook answers 404. Its conversations stay, findable as before, unless `alsoInTransaction`
   * (run in the removal's transaction) schedules their deletion.
   */
  async remove(
    accountId: string,
    id: string,
    alsoInTransaction?: (em: EntityManager, inbox: InboxRow) => Promise<void>,
  ): Promise<InboxDto> {
    const current = await this.activeRow(id, accountId);
    const adapter = this.registry.get(current.kind);
    if (adapter.disconnect) {
      try {
        await adapter.disconnect(this.contextOf(id, current.settings, this.openSecrets(current)));
      } catch (err) {
        // A provider that is down or a revoked token must not keep an admin from removing it.
        this.logger.warn(`Disconnecting inbox ${id}: ${(err as Error).message}`);
      }
    }
    await this.ds.transaction(async (em) => {
      await this.repo.markRemoved(em, accountId, id);
      await alsoInTransaction?.(em, current);
    });
    this.contextCache.delete(id);
    return this.dto(current);
  }

  /** Pauses or resumes the inbox's pull loop; a channel that pushes to us cannot be paused. */
  async setPaused(accountId: string, id: string, paused: boolean): Promise<InboxDto> {
    const current = await this.activeRow(id, accountId);
    if (paused && !isPausable(current))
      throw new AppException(
        'INVALID_STATE',
        'This inbox cannot be paused: its provider sends messages to us and would lose what we refused. Remove the inbox to stop it.',
      );
    const row = await this.repo.setPaused(accountId, id, paused);
    this.contextCache.delete(id);
    if (!row) throw notFound('Inbox');
    return this.dto(row);
  }

  /** Records (or clears, with null) why the inbox's channel cannot work; true when it changed. */
  async setConnectionError(id: string, error: string | null): Promise<boolean> {
    this.contextCache.delete(id);
    return this.repo.setConnectionError(id, error);
  }

  /** Working inboxes of a kind across accounts, with their decrypted context (pollers). */
  async activeContexts(kind: InboxRow['kind']) {
    const rows = await this.repo.listActiveByKind(kind);
    return rows.map((inbox) => ({
      inbox,
      context: this.contextOf(inbox.id, inbox.settings, this.openSecrets(inbox)),
    }));
  }

  private dto(row: InboxRow): InboxDto {
    return toInboxDto(row, this.config.PUBLIC_URL);
  }

  private contextOf(
    id: string,
    settings: unknown,
    secrets: unknown,
  ): InboxContext<unknown, unknown> {
    return { inboxId: id, settings, secrets, publicUrl: this.config.PUBLIC_URL };
  }

  /** Lets the adapter check the credentials and register with its provider; its answer is merged. */
  private async connect(
    adapter: AnyChannelAdapter,
    ctx: InboxContext<unknown, unknown>,
    previous: InboxContext<unknown, unknown> | null,
  ): Promise<{ settings: Record<string, unknown>; secrets: Record<string, unknown> }> {
    const settings = ctx.settings as Record<string, unknown>;
    const secrets = ctx.secrets as Record<string, unknown>;
    if (!adapter.connect) return { settings, secrets };
    try {
      const result = (await adapter.connect(ctx, previous)) as {
        settings?: Record<string, unknown>;
        secrets?: Record<string, unknown>;
      };
      return {
        settings: { ...settings, ...result.settings },
        secrets: { ...secrets, ...result.secrets },
      };
    } catch (err) {
      if (err instanceof ChannelError)
        throw new AppException('CHANNEL_CONNECT_FAILED', err.message, { channelCode: err.code });
      throw err;
    }
  }

  /** The adapter's view of an inbox, secrets decrypted. For server-side use only. */
  async loadContext(
    inboxId: string,
  ): Promise<{ inbox: InboxRow; context: InboxContext<unknown, unknown> }> {
    const cached = this.contextCache.get(inboxId);
    if (cached && cached.expires > Date.now()) return cached.value;
    const inbox = await this.row(inboxId);
    const value = {
      inbox,
      context: this.contextOf(inbox.id, inbox.settings, this.openSecrets(inbox)),
    };
    this.contextCache.set(inboxId, { value, expires: Date.now() + CONTEXT_TTL_MS });
    return value;
  }

  async row(
    id: string,
    accountId?: string,
    em: EntityManager = this.ds.manager,
  ): Promise<InboxRow> {
    if (!isUuid(id)) throw notFound('Inbox');
    const row = await this.repo.find(em, id, accountId);
    if (!row) throw notFound('Inbox');
    return row;
  }

  private openSecrets(inbox: InboxRow): Record<string, unknown> {
    return inbox.secretsEncrypted
      ? (JSON.parse(this.box.open(inbox.secretsEncrypted)) as Record<string, unknown>)
      : {};
  }
}

function parseOr400(
  schema: {
    safeParse(v: unknown): {
      success: boolean;
      data?: unknown;
      error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
    };
  },
  value: unknown,
  label: string,
): unknown {
  const result = schema.safeParse(value);
  if (!result.success) {
    const reasons = (result.error?.issues ?? []).map(
      (i) => `${label}.${i.path.map(String).join('.')}: ${i.message}`,
    );
    throw new AppException('VALIDATION_FAILED', reasons.join('; '));
  }
  return result.data;
}

/** The inbox's reply window: the adapter's word for these settings, else its manifest's. */
function replyWindowOf(
  adapter: AnyChannelAdapter,
  ctx: InboxContext<unknown, unknown>,
): number | null {
  return adapter.replyWindowHours
    ? adapter.replyWindowHours(ctx)
    : adapter.manifest.capabilities.replyWindowHours;
}

/** Which secrets are set, so the settings form can say so without revealing them. */
function setKeys(secrets: Record<string, unknown>): string[] {
  return Object.keys(secrets).filter((k) => secrets[k] !== undefined && secrets[k] !== '');
}
