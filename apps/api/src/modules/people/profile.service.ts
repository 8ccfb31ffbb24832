import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TeamMemberDto, UpdateProfileRequest } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { EventLogService } from '../../core/events/event-log.service';
import { notFound } from '../../core/http/app.exception';
import { toTeamMemberDto } from '../operators/operators.mapper';
import { OperatorsRepository } from '../operators/operators.repository';

/**
 * Each operator's own profile and availability. Colleagues see the change live (the People list,
 * who is online) through `operator.updated`. The password has its own route, which checks the
 * current one and ends the other sessions (POST /api/auth/password).
 */
@Injectable()
export class ProfileService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly operators: OperatorsRepository,
    private readonly events: EventLogService,
  ) {}

  update(op: AuthenticatedOperator, change: UpdateProfileRequest): Promise<TeamMemberDto> {
    return this.ds.transaction(async (em) => {
      await this.operators.updateProfile(em, op.id, change);
      const member = await this.operators.findTeamMember(em, op.accountId, op.id);
      if (!member) throw notFound('Operator');
      const dto = toTeamMemberDto(member);
      await this.events.append(em, op.accountId, [
        { type: 'operator.updated', conversationId: null, payload: { operator: dto } },
      ]);
      return dto;
    });
  }
}
