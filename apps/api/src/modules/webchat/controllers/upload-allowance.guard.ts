import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { WEBCHAT_MAX_ATTACHMENT_BYTES } from '@switchboard/channels-webchat';
import { AppException } from '../../../core/http/app.exception';
import { UploadClaimRepository } from '../repositories/upload-claim.repository';
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
 * answered with the stored message, even when the day's allowance is used up. So does one whose
 * earlier attempt is storing it right now (it has taken the allowance already): it gets the stored
 * message or a 409 to retry, never a 429 for a file that is counted once.
 */
@Injectable()
export class UploadAllowanceGuard implements CanActivate {
  constructor(
    private readonly limits: WidgetLimitsService,
    private readonly history: VisitorHistoryService,
    private readonly claims: UploadClaimRepository,
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
    if (typeof retried === 'string') {
      const upload = {
        inboxId: visitor.inbox.id,
        visitorKey: visitor.visitorKey,
        clientMessageId: retried,
      };
      // The claim first: an attempt that stores and releases between the two checks is found by
      // the second.
      if (await this.claims.isHeld(upload)) return true;
      if (await this.history.hasVisitorMessage(visitor.inbox.id, visitor.visitorKey, retried))
        return true;
    }
    const fileBytes = known === null ? null : Math.max(1, known - MULTIPART_OVERHEAD_BYTES);
    await this.limits.assertUploadAllowed(widgetCaller(req, visitor), fileBytes);
    return true;
  }
}
