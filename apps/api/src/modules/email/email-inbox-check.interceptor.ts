import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ChannelError } from '@switchboard/channels-core';
import {
  EmailChannelAdapter,
  emailSecretsSchema,
  emailSettingsSchema,
  sameMailbox,
} from '@switchboard/channels-email';
import { from, switchMap, tap, type Observable } from 'rxjs';
import type { OperatorRequest } from '../../core/auth/auth.guard';
import { AppException } from '../../core/http/app.exception';
import { InboxesController } from '../inboxes/inboxes.controller';
import { InboxesService } from '../inboxes/inboxes.service';
import { EmailSyncService } from './email-sync.service';
import { EmailOAuthTokensService } from './oauth/email-oauth-tokens.service';
import { refuseTypedOAuthSecrets } from './oauth/typed-oauth-secrets';

/**
 * Saving an email inbox logs in to its IMAP and SMTP servers first: a wrong password, an
 * unreachable host or a TLS mismatch is a 400 with a plain-words reason, not an inbox that
 * silently never syncs. Runs after the auth guard, so only signed-in admins make us connect out.
 */
@Injectable()
export class EmailInboxCheckInterceptor implements NestInterceptor {
  constructor(
    private readonly adapter: EmailChannelAdapter,
    private readonly inboxes: InboxesService,
    private readonly sync: EmailSyncService,
    private readonly tokens: EmailOAuthTokensService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || context.getClass() !== InboxesController)
      return next.handle();
    const action = context.getHandler().name;
    if (action !== 'create' && action !== 'update') return next.handle();
    const req = context
      .switchToHttp()
      .getRequest<OperatorRequest & { body?: unknown; params?: Record<string, string> }>();
    if (req.operator?.role !== 'admin') return next.handle();

    return from(this.check(action, req.operator.accountId, req.body, req.params?.['id'])).pipe(
      switchMap((isEmail) =>
        next.handle().pipe(tap(() => (isEmail ? void this.sync.rescanNow() : undefined))),
      ),
    );
  }

  /** True when the request saves an email inbox whose servers accepted us. */
  private async check(
    action: 'create' | 'update',
    accountId: string,
    body: unknown,
    id: string | undefined,
  ): Promise<boolean> {
    const input = (typeof body === 'object' && body !== null ? body : {}) as {
      kind?: unknown;
      settings?: Record<string, unknown>;
      secrets?: Record<string, unknown>;
    };
    let settings: unknown = input.settings;
    let secrets: unknown = input.secrets;
    if (action === 'create') {
      if (input.kind !== 'email') return false;
    } else {
      if (!id) return false;
      const current = await this.inboxes.loadContext(id).catch(() => null);
      if (!current || current.inbox.accountId !== accountId || current.inbox.kind !== 'email')
        return false;
      // Nothing about the connection changes: no need to log in again.
      if (!input.settings && !input.secrets) return true;
      settings = {
        ...(current.context.settings as Record<string, unknown>),
        ...(input.settings ?? {}),
      };
      secrets = {
        ...(current.context.secrets as Record<string, unknown>),
        ...(input.secrets ?? {}),
      };
    }
    refuseTypedOAuthSecrets(input.secrets, secrets);
    const parsedSettings = emailSettingsSchema.safeParse(settings);
    const parsedSecrets = emailSecretsSchema.safeParse(secrets);
    // Invalid shapes get the inbox service's own validation message.
    if (!parsedSettings.success || !parsedSecrets.success) return true;
    const current = parsedSecrets.data;
    if (current.auth === 'oauth' && !sameMailbox(parsedSettings.data.imap.user, current.account))
      throw new AppException(
        'VALIDATION_FAILED',
        `This inbox is connected to ${current.account}; to use another mailbox, connect it again`,
      );
    const fresh = id
      ? await this.tokens.fresh(id, current).catch((err: unknown) => {
          if (err instanceof ChannelError) throw new AppException('VALIDATION_FAILED', err.message);
          throw new AppException(
            'UNAVAILABLE',
            `The mailbox's provider could not be reached: ${String(err)}`,
          );
        })
      : current;
    const result = await this.adapter.checkConnection(parsedSettings.data, fresh);
    if (!result.ok) {
      throw new AppException('VALIDATION_FAILED', result.message, {
        server: result.server,
        problem: result.problem,
      });
    }
    return true;
  }
}
