import type {
  InvitationDto,
  InviteOperatorRequest,
  OperatorRole,
  TeamMemberDto,
  UpdateProfileRequest,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export const peopleApi = {
  list: () => apiRequest<TeamMemberDto[]>('GET', '/api/operators'),
  invite: (body: InviteOperatorRequest) =>
    apiRequest<InvitationDto>('POST', '/api/invitations', { body }),
  setRole: (id: string, role: OperatorRole) =>
    apiRequest<TeamMemberDto>('PATCH', `/api/operators/${id}/role`, { body: { role } }),
  deactivate: (id: string) => apiRequest<TeamMemberDto>('POST', `/api/operators/${id}/deactivate`),
  reactivate: (id: string) => apiRequest<TeamMemberDto>('POST', `/api/operators/${id}/reactivate`),
  updateProfile: (body: UpdateProfileRequest) =>
    apiRequest<TeamMemberDto>('PATCH', '/api/operators/me', { body }),
};
