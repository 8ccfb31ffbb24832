import { Module } from '@nestjs/common';
import { OperatorsController } from './operators.controller';
import { OperatorsRepository } from './operators.repository';

@Module({
  controllers: [OperatorsController],
  providers: [OperatorsRepository],
  exports: [OperatorsRepository],
})
export class OperatorsModule {}
