import type { OperatorDto } from '@switchboard/contracts';
import type { PublicOperator } from './operators.repository';

export function toOperatorDto(o: PublicOperator): OperatorDto {
  return {
    id: o.id,
    email: o.email,
    name: o.name,
    role: o.role,
    timezone: o.timezone,
    locale: o.locale,
  };
}
