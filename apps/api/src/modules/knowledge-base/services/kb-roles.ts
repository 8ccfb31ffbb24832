import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import { AppException } from '../../../core/http/app.exception';

/**
 * Who does what in the knowledge base: everyone reads and writes drafts; admins publish,
 * unpublish, delete and arrange categories (what customers see is theirs to decide).
 */
export function assertKbAdmin(op: AuthenticatedOperator): void {
  if (op.role !== 'admin')
    throw new AppException('FORBIDDEN', 'Only admins can publish or arrange the knowledge base');
}
