import { Global, Module } from '@nestjs/common';
import { OperatorsModule } from '../../modules/operators/operators.module';
import { ConversationAccountCheck } from './conversation-account-check';
import { OperatorGateway } from './operator.gateway';
import { OperatorTypingHook } from './operator-typing-hook';
import { StreamAccessFilter } from './stream-access-filter';

@Global()
@Module({
  imports: [OperatorsModule],
  providers: [OperatorGateway, ConversationAccountCheck, StreamAccessFilter, OperatorTypingHook],
  exports: [OperatorGateway, OperatorTypingHook],
})
export class RealtimeModule {}
