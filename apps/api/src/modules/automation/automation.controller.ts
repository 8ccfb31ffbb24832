import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Ip,
  Param,
  Patch,
  Post,
  Put,
  Query,
  type PipeTransform,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  listRuleRunsQuerySchema,
  reorderRulesSchema,
  ruleInputSchema,
  testRuleRequestSchema,
  updateRuleSchema,
  type ListRuleRunsQuery,
  type Page,
  type RuleDto,
  type RuleInput,
  type RuleRunDto,
  type RuleTestResultDto,
  type UpdateRuleRequest,
} from '@switchboard/contracts';
import type { z } from 'zod';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody, ApiZodQuery } from '../../core/http/api-zod.decorators';
import { AppException } from '../../core/http/app.exception';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { AutomationRulesService } from './automation-rules.service';
import { RuleDryRunService } from './rule-dry-run.service';

/**
 * A rule without actions is a rule the editor can build and the admin must be told about in its
 * own words (422), not a schema failure (400).
 */
const actionsRequired: PipeTransform = {
  transform(value: unknown) {
    const actions = (value as { actions?: unknown } | null)?.actions;
    if (Array.isArray(actions) && actions.length === 0)
      throw new AppException('INVALID_RULE', 'A rule needs at least one action');
    return value;
  },
};

/** Automation rules: admins change and test them; every operator reads them and the rule log. */
@ApiTags('automation')
@ApiBearerAuth()
@Controller('automation')
export class AutomationController {
  constructor(
    private readonly rules: AutomationRulesService,
    private readonly dryRun: RuleDryRunService,
  ) {}

  @Get('rules')
  list(@CurrentOperator() op: AuthenticatedOperator): Promise<RuleDto[]> {
    return this.rules.list(op);
  }

  @Post('rules')
  @ApiZodBody(ruleInputSchema)
  create(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Body(actionsRequired, parseWith(ruleInputSchema)) body: RuleInput,
  ): Promise<RuleDto> {
    return this.rules.create(op, ip, body);
  }

  /** Every rule id of the account, in the new order. */
  @Put('rules/order')
  @ApiZodBody(reorderRulesSchema)
  reorder(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Body(parseWith(reorderRulesSchema)) body: z.infer<typeof reorderRulesSchema>,
  ): Promise<RuleDto[]> {
    return this.rules.reorder(op, ip, body.ids);
  }

  /** What the rule would do to the conversation now; changes nothing. */
  @Post('rules/test')
  @HttpCode(200)
  @ApiZodBody(testRuleRequestSchema)
  test(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(testRuleRequestSchema)) body: z.infer<typeof testRuleRequestSchema>,
  ): Promise<RuleTestResultDto> {
    return this.dryRun.test(op, body.rule, body.conversationId);
  }

  @Get('rules/:id')
  get(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string): Promise<RuleDto> {
    return this.rules.get(op, id);
  }

  @Patch('rules/:id')
  @ApiZodBody(updateRuleSchema)
  update(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
    @Body(actionsRequired, parseWith(updateRuleSchema)) body: UpdateRuleRequest,
  ): Promise<RuleDto> {
    return this.rules.update(op, ip, id, body);
  }

  @Delete('rules/:id')
  @HttpCode(204)
  remove(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
  ): Promise<void> {
    return this.rules.delete(op, ip, id);
  }

  /** The rule log, newest first: all of it, one rule's or one conversation's. */
  @Get('runs')
  @ApiZodQuery(listRuleRunsQuerySchema)
  runs(
    @CurrentOperator() op: AuthenticatedOperator,
    @Query(parseWith(listRuleRunsQuerySchema)) q: ListRuleRunsQuery,
  ): Promise<Page<RuleRunDto>> {
    return this.rules.listRuns(op, q);
  }
}
