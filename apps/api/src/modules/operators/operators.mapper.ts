import type { OperatorDto, TeamMemberDto } from '@switchboard/contracts';
import type { PublicOperator, TeamMember } from './operators.repository';

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

export function toTeamMemberDto(o: TeamMember): TeamMemberDto {
  return {
    ...toOperatorDto(o),
    avatarUrl: o.avatarUrl,
    presence: o.presence,
    active: o.deactivatedAt === null,
  };
}
