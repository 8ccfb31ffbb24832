import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Ip,
  Param,
  Patch,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createTeamRequestSchema,
  renameTeamRequestSchema,
  setTeamMembersRequestSchema,
  type CreateTeamRequest,
  type RenameTeamRequest,
  type SetTeamMembersRequest,
  type TeamDto,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { TeamsService } from './teams.service';

/** The account's teams: everyone reads them (assignment pickers), admins change them. */
@ApiTags('teams')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  list(@CurrentOperator() op: AuthenticatedOperator): Promise<TeamDto[]> {
    return this.teams.list(op);
  }

  @Post()
  @ApiZodBody(createTeamRequestSchema)
  create(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Body(parseWith(createTeamRequestSchema)) body: CreateTeamRequest,
  ): Promise<TeamDto> {
    return this.teams.create(op, ip, body.name);
  }

  @Patch(':id')
  @ApiZodBody(renameTeamRequestSchema)
  rename(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
    @Body(parseWith(renameTeamRequestSchema)) body: RenameTeamRequest,
  ): Promise<TeamDto> {
    return this.teams.rename(op, ip, id, body.name);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
  ): Promise<void> {
    return this.teams.delete(op, ip, id);
  }

  /** Replaces the team's members. */
  @Put(':id/members')
  @ApiZodBody(setTeamMembersRequestSchema)
  setMembers(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
    @Body(parseWith(setTeamMembersRequestSchema)) body: SetTeamMembersRequest,
  ): Promise<TeamDto> {
    return this.teams.setMembers(op, ip, id, body.operatorIds);
  }
}
