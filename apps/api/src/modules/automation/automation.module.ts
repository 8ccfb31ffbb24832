import { Module } from '@nestjs/common';
import { TagsRepository } from '../tags/tags.repository';
import { AutomationActionsRepository } from './automation-actions.repository';
import { AutomationContextRepository } from './automation-context.repository';
import { AutomationController } from './automation.controller';
import { AutomationRulesRepository } from './automation-rules.repository';
import { AutomationRulesService } from './automation-rules.service';
import { AutomationRunsRepository } from './automation-runs.repository';
import { AutomationTimeRepository } from './automation-time.repository';
import { RuleActionsService } from './rule-actions.service';
import { RuleDryRunService } from './rule-dry-run.service';
import { RuleEngineService } from './rule-engine.service';
import { RuleEventConsumer } from './rule-event-consumer';
import { RuleExternalActions } from './rule-external-actions';
import { RuleReplyService } from './rule-reply.service';
import { RuleTimeTriggersService } from './rule-time-triggers.service';
import { RuleValidatorService } from './rule-validator.service';

/** Automation rules: their settings, the engine behind event and time triggers, the rule log. */
@Module({
  controllers: [AutomationController],
  providers: [
    AutomationRulesRepository,
    AutomationRunsRepository,
    AutomationContextRepository,
    AutomationActionsRepository,
    AutomationTimeRepository,
    TagsRepository,
    AutomationRulesService,
    RuleValidatorService,
    RuleDryRunService,
    RuleEngineService,
    RuleActionsService,
    RuleReplyService,
    RuleExternalActions,
    RuleEventConsumer,
    RuleTimeTriggersService,
  ],
  exports: [RuleEngineService],
})
export class AutomationModule {}
