import type { LoginRequest, LoginResponseDto, OperatorDto } from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export const authApi = {
  login: (body: LoginRequest) => apiRequest<LoginResponseDto>('POST', '/api/auth/login', { body }),
  me: () => apiRequest<OperatorDto>('GET', '/api/auth/me'),
  logout: () => apiRequest<unknown>('POST', '/api/auth/logout'),
};
