import { Global, Module } from '@nestjs/common';
import { OperatorGateway } from './operator.gateway';

@Global()
@Module({ providers: [OperatorGateway], exports: [OperatorGateway] })
export class RealtimeModule {}
