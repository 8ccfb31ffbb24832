import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  helpCentreBrandingRequestSchema,
  type HelpCentreBrandingDto,
  type HelpCentreBrandingRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { AppException, notFound } from '../../core/http/app.exception';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { HelpCentreAccountRepository } from './help-centre-account.repository';

/** The help centre's logo and colour: read by every operator, set by admins. */
@ApiTags('knowledge-base')
@ApiBearerAuth()
@Controller('help-centre/branding')
export class HelpCentreBrandingController {
  constructor(
    private readonly accounts: HelpCentreAccountRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async get(@CurrentOperator() op: AuthenticatedOperator): Promise<HelpCentreBrandingDto> {
    const account = await this.accounts.byId(op.accountId);
    if (!account) throw notFound('Account');
    return {
      logoUrl: account.logoUrl,
      color: account.color,
      url: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/help`,
    };
  }

  @Put()
  @ApiZodBody(helpCentreBrandingRequestSchema)
  async set(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(helpCentreBrandingRequestSchema)) body: HelpCentreBrandingRequest,
  ): Promise<HelpCentreBrandingDto> {
    if (op.role !== 'admin')
      throw new AppException('FORBIDDEN', 'Only admins can change the help centre');
    await this.accounts.updateBranding(op.accountId, body);
    return this.get(op);
  }
}
