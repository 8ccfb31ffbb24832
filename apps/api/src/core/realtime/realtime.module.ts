import { Global, Module } from '@nestjs/common';
import { OperatorsModule } from '../../modules/operators/operators.module';
import { ConversationAccountCheck } from './conversation-account-check';
import { OperatorGateway } from './operator.gateway';

@Global()
@Module({
  imports: [OperatorsModule],
  providers: [OperatorGateway, ConversationAccountCheck],
  exports: [OperatorGateway],
})
export class RealtimeModule {}
