import type { MessageDto, UndoSendSettingsDto } from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export const undoSendApi = {
  settings: () => apiRequest<UndoSendSettingsDto>('GET', '/api/operators/me/undo-send'),
  saveSettings: (seconds: number) =>
    apiRequest<UndoSendSettingsDto>('PUT', '/api/operators/me/undo-send', { body: { seconds } }),
  /** Takes a held reply back; answers the reply as it was (409 ALREADY_SENT once it has left). */
  undo: (messageId: string) =>
    apiRequest<MessageDto>('POST', `/api/messages/${encodeURIComponent(messageId)}/undo-send`),
};
