import { Body, Controller, HttpCode, Ip, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  setOperatorRoleRequestSchema,
  updateProfileRequestSchema,
  type SetOperatorRoleRequest,
  type TeamMemberDto,
  type UpdateProfileRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { OperatorAccessService } from './operator-access.service';
import { ProfileService } from './profile.service';
import { requirePeopleAdmin } from './require-admin';

/** One's own profile, and admins' decisions about colleagues (GET /api/operators lists them). */
@ApiTags('people')
@ApiBearerAuth()
@Controller('operators')
export class PeopleController {
  constructor(
    private readonly access: OperatorAccessService,
    private readonly profile: ProfileService,
  ) {}

  @Patch('me')
  @ApiZodBody(updateProfileRequestSchema)
  updateProfile(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(updateProfileRequestSchema)) body: UpdateProfileRequest,
  ): Promise<TeamMemberDto> {
    return this.profile.update(op, body);
  }

  @Patch(':id/role')
  @ApiZodBody(setOperatorRoleRequestSchema)
  setRole(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(setOperatorRoleRequestSchema)) body: SetOperatorRoleRequest,
    @Ip() ip: string,
  ): Promise<TeamMemberDto> {
    requirePeopleAdmin(op);
    return this.access.setRole(op, id, body.role, ip);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Ip() ip: string,
  ): Promise<TeamMemberDto> {
    requirePeopleAdmin(op);
    return this.access.deactivate(op, id, ip);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  reactivate(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Ip() ip: string,
  ): Promise<TeamMemberDto> {
    requirePeopleAdmin(op);
    return this.access.reactivate(op, id, ip);
  }
}
