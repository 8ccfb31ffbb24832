import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  loginRequestSchema,
  type LoginRequest,
  type LoginResponseDto,
  type OperatorDto,
} from '@switchboard/contracts';
import { toOperatorDto } from '../../modules/operators/operators.mapper';
import { OperatorsRepository } from '../../modules/operators/operators.repository';
import { ApiZodBody } from '../http/api-zod.decorators';
import { parseWith } from '../http/zod-validation.pipe';
import { AuthService } from './auth.service';
import { Public, type OperatorRequest } from './auth.guard';
import type { AuthenticatedOperator } from './authenticated-operator';
import { CurrentOperator } from './current-operator.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly operators: OperatorsRepository,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiZodBody(loginRequestSchema)
  login(@Body(parseWith(loginRequestSchema)) body: LoginRequest): Promise<LoginResponseDto> {
    return this.auth.login(body);
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: OperatorRequest): Promise<void> {
    if (req.sessionToken) await this.auth.logout(req.sessionToken);
  }

  @ApiBearerAuth()
  @Get('me')
  async me(@CurrentOperator() op: AuthenticatedOperator): Promise<OperatorDto> {
    const operator = await this.operators.findPublicById(op.id);
    // Signed in a moment ago; should the operator have been deleted since, the body is empty.
    return (operator && toOperatorDto(operator)) as OperatorDto;
  }
}
