import { Global, Module } from '@nestjs/common';
import { OperatorsModule } from '../../modules/operators/operators.module';
import { ConversationAccountCheck } from './conversation-account-check';
import { OperatorGateway } from './operator.gateway';
import { StreamAccessFilter } from './stream-access-filter';

@Global()
@Module({
  imports: [OperatorsModule],
  providers: [OperatorGateway, ConversationAccountCheck, StreamAccessFilter],
  exports: [OperatorGateway],
})
export class RealtimeModule {}
