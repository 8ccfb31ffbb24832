import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ConversationParticipantsDto } from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ParticipantsService } from './participants.service';

/** Who hears about a conversation; following and unfollowing it. */
@ApiTags('conversations')
@ApiBearerAuth()
@Controller('conversations/:id')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Get('participants')
  list(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<ConversationParticipantsDto> {
    return this.participants.list(op, id);
  }

  @Post('follow')
  @HttpCode(200)
  follow(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<ConversationParticipantsDto> {
    return this.participants.follow(op, id);
  }

  @Delete('follow')
  unfollow(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<ConversationParticipantsDto> {
    return this.participants.unfollow(op, id);
  }
}
