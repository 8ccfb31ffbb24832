import {
  ArgumentsHost,
  Catch,
  PayloadTooLargeException,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { esc, sendPortalPage } from './pages/portal-layout';
import { pageContext } from './portal-page-context';

/** An upload over the limit is stopped by multer before the handler: answer it as a page, 413. */
@Catch(PayloadTooLargeException)
export class PortalUploadRefusedFilter implements ExceptionFilter {
  catch(_err: PayloadTooLargeException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const c = pageContext(req);
    const back = /^\/portal\/requests\/[0-9a-f-]{36}/.exec(req.path)?.[0] ?? '/portal/requests';
    sendPortalPage(http.getResponse<Response>(), 413, {
      locale: c.locale,
      title: c.s.title,
      body: `<p class="notice" role="alert">${esc(c.s.badUpload)}</p><p><a href="${esc(back)}">${esc(c.s.back)}</a></p>`,
    });
  }
}
