import { Global, Module } from '@nestjs/common';
import { OperatorsModule } from '../../modules/operators/operators.module';
import { OperatorGateway } from './operator.gateway';

@Global()
@Module({ imports: [OperatorsModule], providers: [OperatorGateway], exports: [OperatorGateway] })
export class RealtimeModule {}
