import { Global, Module } from '@nestjs/common';
import { ParticipantsController } from './participants.controller';
import { ParticipantsRepository } from './participants.repository';
import { ParticipantsService } from './participants.service';

/** Conversation participants; global so replies, notes and the inbound pipeline can add and notify. */
@Global()
@Module({
  controllers: [ParticipantsController],
  providers: [ParticipantsRepository, ParticipantsService],
  exports: [ParticipantsService],
})
export class ParticipantsModule {}
