import {
  createParamDecorator,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { AppException } from '../../../core/http/app.exception';
import { callerNetwork } from '../services/caller-network';
import {
  bearer,
  VisitorAuthService,
  type VisitorPrincipal,
} from '../services/visitor-auth.service';
import type { WidgetCaller } from '../services/widget-limits.service';

/** A widget request after VisitorGuard: the visitor it proved to be. */
export type VisitorRequest = Request & { visitor?: VisitorPrincipal };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks the visitor token (and the page's origin) before anything else of the request is looked
 * at: guards run before interceptors, so an upload's body is never read for a caller we refuse.
 */
@Injectable()
export class VisitorGuard implements CanActivate {
  constructor(private readonly auth: VisitorAuthService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<VisitorRequest>();
    const inboxId = String(req.params['inboxId'] ?? '');
    if (!UUID.test(inboxId)) throw new AppException('VALIDATION_FAILED', 'inboxId must be a UUID');
    req.visitor = await this.auth.visitor(
      inboxId,
      { headers: req.headers, secure: req.secure },
      bearer(req.headers.authorization),
    );
    return true;
  }
}

/** The visitor VisitorGuard proved. */
export const CurrentVisitor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): VisitorPrincipal => {
    const visitor = ctx.switchToHttp().getRequest<VisitorRequest>().visitor;
    if (!visitor) throw new Error('CurrentVisitor used on a route without VisitorGuard');
    return visitor;
  },
);

/** Who is calling, for the widget's limits: the proved visitor and their network. */
export function widgetCaller(req: Request, visitor: VisitorPrincipal): WidgetCaller {
  return {
    inboxId: visitor.inbox.id,
    visitorKey: visitor.visitorKey,
    network: callerNetwork(req.ip),
  };
}
