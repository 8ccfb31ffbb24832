import type { OperatorRole } from '@switchboard/contracts';

/** Who is calling: attached to every authenticated request and socket. */
export interface AuthenticatedOperator {
  id: string;
  accountId: string;
  name: string;
  email: string;
  role: OperatorRole;
}
