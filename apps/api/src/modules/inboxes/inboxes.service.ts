import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateInboxRequest, InboxDto, UpdateInboxRequest } from '@switchboard/contracts';
import type { InboxContext } from '@switchboard/channels-core';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { SecretBox } from '../../core/crypto/secret-box';
import { AppException, notFound } from '../../core/http/app.exception';
import { ChannelRegistryService } from '../channels/channel-registry.service';
import { isUuid } from '../conversations/keyset-cursor';

import type { InboxEntity } from './entities/inbox.entity';
import { toInboxDto } from './inbox.mapper';
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
export class InboxesService {
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
  ) {}

  async list(accountId: string): Promise<InboxDto[]> {
    return (await this.repo.listByAccount(accountId)).map(toInboxDto);
  }

  async get(accountId: string, id: string): Promise<InboxDto> {
    return toInboxDto(await this.row(id, accountId));
  }

  async create(
    accountId: string,
    req: CreateInboxRequest,
    em: EntityManager = this.ds.manager,
  ): Promise<InboxDto> {
    const adapter = this.registry.get(req.kind);
    const settings = parseOr400(adapter.manifest.settingsSchema, req.settings ?? {}, 'settings');
    const secrets = parseOr400(
      adapter.manifest.secretsSchema,
      req.secrets ?? {},
      'secrets',
    ) as Record<string, unknown>;
    const row = await this.repo.insert(em, {
      accountId,
      kind: req.kind,
      name: req.name,
      settings: settings as Record<string, unknown>,
      secretsEncrypted: this.box.seal(JSON.stringify(secrets)),
      secretKeys: Object.keys(secrets).filter((k) => secrets[k] !== undefined && secrets[k] !== ''),
      reopenPolicy: req.reopenPolicy ?? 'reopen',
    });
    return toInboxDto(row);
  }

  async update(accountId: string, id: string, req: UpdateInboxRequest): Promise<InboxDto> {
    this.contextCache.delete(id);
    const current = await this.row(id, accountId);
    const adapter = this.registry.get(current.kind);
    const settings = req.settings
      ? parseOr400(
          adapter.manifest.settingsSchema,
          { ...current.settings, ...req.settings },
          'settings',
        )
      : current.settings;
    // Secrets merge: a field left out keeps its stored value, so the form never has to echo them.
    const oldSecrets = this.openSecrets(current);
    const secrets = req.secrets
      ? (parseOr400(
          adapter.manifest.secretsSchema,
          { ...oldSecrets, ...req.secrets },
          'secrets',
        ) as Record<string, unknown>)
      : oldSecrets;
    const row = await this.repo.update(accountId, id, {
      name: req.name ?? current.name,
      settings: settings as Record<string, unknown>,
      secretsEncrypted: this.box.seal(JSON.stringify(secrets)),
      secretKeys: Object.keys(secrets).filter((k) => secrets[k] !== undefined && secrets[k] !== ''),
      reopenPolicy: req.reopenPolicy ?? current.reopenPolicy,
    });
    if (!row) throw notFound('Inbox');
    return toInboxDto(row);
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
      context: {
        inboxId: inbox.id,
        settings: inbox.settings,
        secrets: this.openSecrets(inbox),
        publicUrl: this.config.PUBLIC_URL,
      },
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
