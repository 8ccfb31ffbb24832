import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { WEBCHAT_MAX_ATTACHMENT_BYTES } from '@switchboard/channels-webchat';
import { AppException } from '../../../core/http/app.exception';
import { VisitorHistoryService } from '../services/visitor-history.service';
import { WidgetLimitsService } from '../services/widget-limits.service';
import { widgetCaller, type VisitorRequest } from './visitor.guard';

/** Room for the multipart framing and the small fields beside the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** The widget repeats the form's clientMessageId in this header, readable before the body. */
export const CLIENT_MESSAGE_ID_HEADER = 'x-client-message-id';

/**
 * Runs after VisitorGuard, still before the body is read: a body declared larger than any
 * attachment may be, or an upload over the day's allowance, is refused without reading it. A
 * retry of an upload that was stored (named by the header) passes: it will store nothing and is
 * answered with the stored message, even when the day's allowance is used up.
 */
@Injectable()
export class UploadAllowanceGuard implements CanActivate {
  constructor(
    private readonly limits: WidgetLimitsService,
    private readonly history: VisitorHistoryService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<VisitorRequest>();
    const visitor = req.visitor;
    if (!visitor) throw new Error('UploadAllowanceGuard needs VisitorGuard before it');
    const declared = Number(req.headers['content-length']);
    const known = Number.isFinite(declared) && declared >= 0 ? declared : null;
    if (known !== null && known > WEBCHAT_MAX_ATTACHMENT_BYTES + MULTIPART_OVERHEAD_BYTES) {
      throw new AppException(
        'PAYLOAD_TOO_LARGE',
        `Files can be at most ${WEBCHAT_MAX_ATTACHMENT_BYTES} bytes`,
      );
    }
    const retried = req.headers[CLIENT_MESSAGE_ID_HEADER];
    if (
      typeof retried === 'string' &&
      (await this.history.hasVisitorMessage(visitor.inbox.id, visitor.visitorKey, retried))
    )
      return true;
    const fileBytes = known === null ? null : Math.max(1, known - MULTIPART_OVERHEAD_BYTES);
    await this.limits.assertUploadAllowed(widgetCaller(req, visitor), fileBytes);
    return true;
  }
}
