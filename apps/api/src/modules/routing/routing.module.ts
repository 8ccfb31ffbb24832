import { Global, Module } from '@nestjs/common';
import { OperatorsModule } from '../operators/operators.module';
import { HandBackService } from './hand-back.service';
import { OperatorConnectionsRepository } from './operator-connections.repository';
import { OperatorConnectionsService } from './operator-connections.service';
import { RoundRobinService } from './round-robin.service';
import { RoutedAssignment } from './routed-assignment';
import { RoutingController } from './routing.controller';
import { RoutingDrainConsumer } from './routing-drain.consumer';
import { RoutingDrainService } from './routing-drain.service';
import { RoutingPresenceListener } from './routing-presence.listener';
import { RoutingQueueRepository } from './routing-queue.repository';
import { RoutingSettingsRepository } from './routing-settings.repository';
import { RoutingService } from './routing.service';
import { TeamTurnsLoader } from './team-turns';

/**
 * Fair routing. Global: the rules engine calls RoundRobinService.route, and the operator gateway
 * reports sockets to OperatorConnectionsService.
 */
@Global()
@Module({
  imports: [OperatorsModule],
  controllers: [RoutingController],
  providers: [
    RoutingSettingsRepository,
    RoutingQueueRepository,
    OperatorConnectionsRepository,
    TeamTurnsLoader,
    RoutedAssignment,
    RoundRobinService,
    RoutingDrainService,
    RoutingDrainConsumer,
    OperatorConnectionsService,
    RoutingPresenceListener,
    HandBackService,
    RoutingService,
  ],
  exports: [RoundRobinService, OperatorConnectionsService, RoutingDrainService],
})
export class RoutingModule {}
