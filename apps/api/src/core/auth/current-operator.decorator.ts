import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedOperator } from './authenticated-operator';
import type { OperatorRequest } from './auth.guard';

export const CurrentOperator = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthenticatedOperator => {
    const req = ctx.switchToHttp().getRequest<OperatorRequest>();
    if (!req.operator) throw new Error('CurrentOperator used on a public route');
    return req.operator;
  },
);
