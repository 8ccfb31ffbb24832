import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config';
import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../../core/auth/current-operator.decorator';
import { notFound } from '../../../core/http/app.exception';
import { InboxesService } from '../../inboxes/inboxes.service';
import type { WebchatSnippetDto } from '../dto/widget-wire.dto';

/** The snippet a site owner pastes, shown in the web chat inbox's settings. */
@ApiTags('inboxes')
@ApiBearerAuth()
@Controller('inboxes/:id/webchat')
export class WebchatSnippetController {
  constructor(
    private readonly inboxes: InboxesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('snippet')
  async snippet(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<WebchatSnippetDto> {
    const inbox = await this.inboxes.get(op.accountId, id);
    if (inbox.kind !== 'webchat') throw notFound('Web chat inbox');
    const loaderUrl = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/widget/loader.js`;
    const snippet = `<script async src="${loaderUrl}" data-inbox="${inbox.id}"></script>`;
    const identitySnippet =
      `<script async src="${loaderUrl}" data-inbox="${inbox.id}"\n` +
      `  data-user-id="USER_ID" data-user-hash="HEX_HMAC_SHA256(hmacSecret, USER_ID)"></script>`;
    return { inboxId: inbox.id, loaderUrl, snippet, identitySnippet };
  }
}
