import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException } from '../../core/http/app.exception';

/** People are managed by admins; an agent gets 403 before anything is looked up. */
export function requirePeopleAdmin(op: AuthenticatedOperator): void {
  if (op.role !== 'admin')
    throw new AppException('FORBIDDEN', 'Only admins can invite and manage operators');
}
