import type { EmailReplyContextDto, OperatorSignatureDto } from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export const emailRepliesApi = {
  context: (conversationId: string) =>
    apiRequest<EmailReplyContextDto>(
      'GET',
      `/api/conversations/${encodeURIComponent(conversationId)}/email-reply`,
    ),
  signature: () => apiRequest<OperatorSignatureDto>('GET', '/api/operators/me/signature'),
  saveSignature: (signature: string) =>
    apiRequest<OperatorSignatureDto>('PUT', '/api/operators/me/signature', {
      body: { signature },
    }),
};
