import { Injectable, Logger } from '@nestjs/common';
import {
  accessTokenNeedsRefresh,
  emailSecretsSchema,
  OAuthReconnectRequiredError,
  OAuthTokenError,
  refreshAccessToken,
  type EmailOAuthSecrets,
  type EmailSecrets,
} from '@switchboard/channels-email';
import { SecretBox } from '../../../core/crypto/secret-box';
import { EmailOAuthClients } from './email-oauth-clients';
import { EmailOAuthTokensRepository } from './email-oauth-tokens.repository';

type RefreshOutcome =
  { kind: 'fresh'; secrets: EmailSecrets } | { kind: 'refused'; reason: string };

/**
 * Keeps OAuth inboxes' access tokens current: renewed when less than five minutes are left (or at
 * once when a server refused the token), one refresh per inbox at a time (in this process by
 * sharing the pending one, across instances by a lock), the rotated refresh token stored sealed.
 * A refresh the provider refuses for good marks the inbox "reconnect" and throws
 * OAuthReconnectRequiredError (a ChannelError AUTH_FAILED).
 */
@Injectable()
export class EmailOAuthTokensService {
  private readonly logger = new Logger(EmailOAuthTokensService.name);
  private readonly pending = new Map<string, Promise<EmailSecrets>>();

  constructor(
    private readonly clients: EmailOAuthClients,
    private readonly repo: EmailOAuthTokensRepository,
    private readonly box: SecretBox,
  ) {}

  /**
   * The inbox's secrets with an access token good for at least a few minutes, and never
   * `refusedToken`, one a server just refused (revoked early, or ended before its stated expiry).
   */
  fresh(
    inboxId: string,
    secrets: EmailSecrets,
    options: { refusedToken?: string } = {},
  ): Promise<EmailSecrets> {
    if (secrets.auth !== 'oauth') return Promise.resolve(secrets);
    if (usable(secrets, options.refusedToken)) return Promise.resolve(secrets);
    const inFlight = this.pending.get(inboxId);
    if (inFlight) return inFlight;
    const refreshing = this.refresh(inboxId, secrets, options.refusedToken).finally(() =>
      this.pending.delete(inboxId),
    );
    this.pending.set(inboxId, refreshing);
    return refreshing;
  }

  private async refresh(
    inboxId: string,
    known: EmailOAuthSecrets,
    refusedToken: string | undefined,
  ): Promise<EmailSecrets> {
    const outcome = await this.repo.withRefreshLock(inboxId, async (em, inbox) => {
      if (!inbox?.secretsEncrypted) return { kind: 'fresh', secrets: known } as RefreshOutcome;
      const current = emailSecretsSchema.parse(JSON.parse(this.box.open(inbox.secretsEncrypted)));
      if (current.auth !== 'oauth') return { kind: 'fresh', secrets: current } as RefreshOutcome;
      // What we were given may be an older copy: someone may have renewed it already (here, or
      // on another instance while we waited for the lock). Theirs is as good as ours would be.
      if (usable(current, refusedToken))
        return { kind: 'fresh', secrets: current } as RefreshOutcome;

      const client = this.clients.get(current.provider);
      if (!client)
        return {
          kind: 'refused',
          reason: `Sign-in with ${current.provider} is not configured on this server any more: reconnect the mailbox another way`,
        } as RefreshOutcome;
      try {
        const tokens = await refreshAccessToken(client, current.refreshToken);
        const next: EmailOAuthSecrets = {
          ...current,
          accessToken: tokens.accessToken,
          accessTokenExpiresAt: tokens.expiresAt.toISOString(),
          // Microsoft hands out a new refresh token with every refresh; Google keeps the first.
          refreshToken: tokens.refreshToken ?? current.refreshToken,
        };
        await this.repo.storeSecrets(em, inboxId, this.box.seal(JSON.stringify(next)));
        return { kind: 'fresh', secrets: next } as RefreshOutcome;
      } catch (err) {
        if (err instanceof OAuthTokenError && err.final)
          return {
            kind: 'refused',
            reason: `${client.profile.displayName} no longer accepts this inbox's sign-in (${err.error}); reconnect the mailbox`,
          } as RefreshOutcome;
        throw err;
      }
    });
    if (outcome.kind === 'fresh') return outcome.secrets;
    this.logger.warn(`email inbox ${inboxId}: ${outcome.reason}`);
    await this.repo.markReconnectRequired(inboxId, outcome.reason);
    throw new OAuthReconnectRequiredError(outcome.reason);
  }
}

/** Good to hand out: not the token a server refused, and not about to expire. */
function usable(secrets: EmailOAuthSecrets, refusedToken: string | undefined): boolean {
  return secrets.accessToken !== refusedToken && !accessTokenNeedsRefresh(secrets);
}
