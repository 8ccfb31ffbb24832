import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { assertAllowedHost } from '@switchboard/channels-core';
import { CHANNEL_KINDS, type ChannelKind } from '@switchboard/contracts';
import { from, switchMap, type Observable } from 'rxjs';
import { InboxesController } from '../../modules/inboxes/inboxes.controller';
import { InboxesService } from '../../modules/inboxes/inboxes.service';
import type { OperatorRequest } from '../auth/auth.guard';
import { AppException } from '../http/app.exception';
import { outboundTargets } from './outbound-targets';

/**
 * Saving an inbox whose settings name a host we will connect to (an outbound URL, a mail server)
 * checks that host against the outbound network policy first: a loopback, private or link-local
 * target is refused with a 400 saying which setting and why. Every connection checks again.
 */
@Injectable()
export class OutboundTargetsInterceptor implements NestInterceptor {
  constructor(private readonly inboxes: InboxesService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || context.getClass() !== InboxesController)
      return next.handle();
    const action = context.getHandler().name;
    if (action !== 'create' && action !== 'update') return next.handle();
    const req = context
      .switchToHttp()
      .getRequest<OperatorRequest & { body?: unknown; params?: Record<string, string> }>();
    // Only admins may save inboxes; anyone else gets the controller's own 403 without a lookup.
    if (req.operator?.role !== 'admin') return next.handle();
    return from(this.check(action, req.operator.accountId, req.body, req.params?.['id'])).pipe(
      switchMap(() => next.handle()),
    );
  }

  private async check(
    action: 'create' | 'update',
    accountId: string,
    body: unknown,
    id: string | undefined,
  ): Promise<void> {
    const input = (typeof body === 'object' && body !== null ? body : {}) as {
      kind?: unknown;
      settings?: unknown;
    };
    if (typeof input.settings !== 'object' || input.settings === null) return;
    let kind: ChannelKind;
    let settings = input.settings as Record<string, unknown>;
    if (action === 'create') {
      if (!(CHANNEL_KINDS as readonly unknown[]).includes(input.kind)) return;
      kind = input.kind as ChannelKind;
    } else {
      const current = id ? await this.inboxes.loadContext(id).catch(() => null) : null;
      if (!current || current.inbox.accountId !== accountId) return;
      kind = current.inbox.kind;
      settings = { ...(current.context.settings as Record<string, unknown>), ...settings };
    }
    for (const target of outboundTargets(kind, settings)) {
      try {
        await assertAllowedHost(target.host);
      } catch (err) {
        throw new AppException('VALIDATION_FAILED', `${target.setting}: ${(err as Error).message}`);
      }
    }
  }
}
