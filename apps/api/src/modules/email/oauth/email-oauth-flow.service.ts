import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  CompleteEmailOAuthRequest,
  EmailOAuthStartDto,
  InboxDto,
  StartEmailOAuthRequest,
} from '@switchboard/contracts';
import {
  authorizationUrl,
  createPkcePair,
  EmailChannelAdapter,
  emailSettingsSchema,
  type EmailOAuthClient,
  type EmailOAuthProvider,
  type EmailSettings,
} from '@switchboard/channels-email';
import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config';
import { SecretBox } from '../../../core/crypto/secret-box';
import { AppException } from '../../../core/http/app.exception';
import { AuditLogService } from '../../audit/audit-log.service';
import { InboxesService } from '../../inboxes/inboxes.service';
import { EmailSyncService } from '../email-sync.service';
import type { EmailOAuthRequestEntity } from '../entities/email-oauth-request.entity';
import { EmailOAuthClients } from './email-oauth-clients';
import { EmailOAuthRequestsRepository } from './email-oauth-requests.repository';
import { EmailOAuthState } from './email-oauth-state';
import { provenMailbox } from './proven-mailbox';

/** Long enough to sign in and consent, short enough that a leaked state is soon useless. */
const REQUEST_TTL_MS = 10 * 60_000;

/**
 * "Connect Google/Microsoft": the authorization code flow with PKCE, from the admin's click to a
 * stored grant. The state binds the request to the admin, account and inbox and is good once; the
 * callback stores the tokens (sealed, as the inbox's secrets) only once the provider proved the
 * mailbox is the inbox's IMAP user and the servers accepted the token. Anything else stores nothing.
 */
@Injectable()
export class EmailOAuthFlowService {
  private readonly state: EmailOAuthState;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clients: EmailOAuthClients,
    private readonly requests: EmailOAuthRequestsRepository,
    private readonly box: SecretBox,
    private readonly inboxes: InboxesService,
    private readonly adapter: EmailChannelAdapter,
    private readonly sync: EmailSyncService,
    private readonly audit: AuditLogService,
  ) {
    this.state = new EmailOAuthState(config.APP_SECRET);
  }

  async start(op: AuthenticatedOperator, req: StartEmailOAuthRequest): Promise<EmailOAuthStartDto> {
    let settings: EmailSettings;
    if (req.inboxId) {
      const inbox = await this.inboxes.activeRow(req.inboxId, op.accountId);
      if (inbox.kind !== 'email')
        throw new AppException('VALIDATION_FAILED', 'Only email inboxes connect a mailbox');
      settings = emailSettingsSchema.parse(inbox.settings);
    } else {
      settings = parseSettings(req.inbox?.settings);
    }
    const client = this.client(req.provider);
    await this.requests.purgeExpired();
    const pkce = createPkcePair();
    const nonce = randomBytes(16).toString('base64url');
    const request = await this.requests.insert({
      accountId: op.accountId,
      operatorId: op.id,
      inboxId: req.inboxId ?? null,
      provider: req.provider,
      codeVerifierSealed: this.box.seal(pkce.verifier),
      nonce,
      draft: req.inbox
        ? {
            name: req.inbox.name,
            reopenPolicy: req.inbox.reopenPolicy ?? 'reopen',
            settings: req.inbox.settings,
          }
        : null,
      expiresAt: new Date(Date.now() + REQUEST_TTL_MS),
    });
    return {
      authorizationUrl: authorizationUrl(client, {
        redirectUri: this.clients.redirectUri(),
        state: this.state.sign(request.id, { accountId: op.accountId, operatorId: op.id }),
        codeChallenge: pkce.challenge,
        nonce,
        loginHint: settings.imap.user,
      }),
      expiresAt: request.expiresAt.toISOString(),
    };
  }

  async complete(
    op: AuthenticatedOperator,
    ip: string,
    req: CompleteEmailOAuthRequest,
  ): Promise<InboxDto> {
    const request = await this.takeRequest(op, req.state);
    const client = this.client(request.provider);
    if (req.error)
      throw new AppException(
        'CHANNEL_CONNECT_FAILED',
        `${client.profile.displayName} did not connect the mailbox (${req.error}${
          req.errorDescription ? `: ${req.errorDescription}` : ''
        })`,
        { reason: 'PROVIDER_ERROR', error: req.error },
      );
    if (!req.code)
      throw new AppException('VALIDATION_FAILED', 'The provider sent no authorization code');

    const target = request.inboxId
      ? await this.inboxes.activeRow(request.inboxId, op.accountId)
      : null;
    const settings = target
      ? emailSettingsSchema.parse(target.settings)
      : parseSettings(request.draft?.settings);
    const grant = await provenMailbox(client, {
      code: req.code,
      redirectUri: this.clients.redirectUri(),
      codeVerifier: this.box.open(request.codeVerifierSealed),
      nonce: request.nonce,
      mailbox: settings.imap.user,
    });
    // The token logs in as the mailbox it was issued for, on both servers.
    const connected: EmailSettings = {
      ...settings,
      smtp: { ...settings.smtp, user: settings.imap.user },
    };
    const secrets = {
      auth: 'oauth' as const,
      provider: request.provider,
      account: settings.imap.user,
      refreshToken: grant.refreshToken,
      accessToken: grant.accessToken,
      accessTokenExpiresAt: grant.expiresAt.toISOString(),
    };
    const check = await this.adapter.checkConnection(connected, secrets);
    if (!check.ok)
      throw new AppException('CHANNEL_CONNECT_FAILED', check.message, {
        reason: 'CONNECTION_FAILED',
        server: check.server,
        problem: check.problem,
      });

    const inbox = target
      ? await this.reconnect(op, target.id, connected, secrets)
      : await this.inboxes.create(op.accountId, {
          kind: 'email',
          name: request.draft?.name ?? settings.fromAddress,
          reopenPolicy: request.draft?.reopenPolicy ?? 'reopen',
          settings: connected,
          secrets,
        });
    await this.audit.record(
      {
        accountId: op.accountId,
        action: target ? 'inbox.updated' : 'inbox.created',
        targetType: 'inbox',
        targetId: inbox.id,
        targetLabel: inbox.name,
        details: target
          ? { fields: ['secrets'], settings: [], secrets: ['oauth'], oauth: request.provider }
          : { kind: 'email', oauth: request.provider },
      },
      { operator: op, ip },
    );
    void this.sync.rescanNow();
    return inbox;
  }

  private async reconnect(
    op: AuthenticatedOperator,
    inboxId: string,
    settings: EmailSettings,
    secrets: Record<string, string>,
  ): Promise<InboxDto> {
    await this.inboxes.update(op.accountId, inboxId, { settings, secrets });
    // Working tokens end the "reconnect" state (the email adapter has no connect step to do it).
    await this.inboxes.setConnectionError(inboxId, null);
    return this.inboxes.get(op.accountId, inboxId);
  }

  /** The request this state names, taken so it cannot serve again; 400 for anything else. */
  private async takeRequest(
    op: AuthenticatedOperator,
    state: string,
  ): Promise<EmailOAuthRequestEntity> {
    const refuse = () =>
      new AppException(
        'VALIDATION_FAILED',
        'This sign-in link is unknown, expired or already used: start the connection again',
        { reason: 'STATE_INVALID' },
      );
    const id = this.state.verify(state, { accountId: op.accountId, operatorId: op.id });
    if (!id) throw refuse();
    const request = await this.requests.take(id, op.id);
    if (!request || request.accountId !== op.accountId || request.expiresAt.getTime() <= Date.now())
      throw refuse();
    return request;
  }

  private client(provider: EmailOAuthProvider): EmailOAuthClient {
    const client = this.clients.get(provider);
    if (!client)
      throw new AppException(
        'CHANNEL_CONNECT_FAILED',
        `Connecting ${provider === 'google' ? 'Google' : 'Microsoft'} mailboxes is not configured on this server (${provider.toUpperCase()}_OAUTH_CLIENT_ID)`,
        { reason: 'NOT_CONFIGURED' },
      );
    return client;
  }
}

function parseSettings(settings: unknown): EmailSettings {
  const parsed = emailSettingsSchema.safeParse(settings ?? {});
  if (!parsed.success)
    throw new AppException(
      'VALIDATION_FAILED',
      parsed.error.issues
        .map((i) => `settings.${i.path.map(String).join('.')}: ${i.message}`)
        .join('; '),
    );
  return parsed.data;
}
