import type { ChatMessage } from './message-list';

/**
 * The visitor's own message as shown while it travels: a file counts its upload from 0, and an
 * image shows itself (from the visitor's disk) until the stored copy replaces it.
 */
export function pendingMessage(clientMessageId: string, text: string, file: File | null) {
  const localImageUrl = file?.type.startsWith('image/') ? URL.createObjectURL(file) : undefined;
  const attachments =
    file && !localImageUrl
      ? [
          {
            id: `local-${clientMessageId}`,
            filename: file.name,
            contentType: file.type,
            size: file.size,
          },
        ]
      : [];
  const message: ChatMessage = {
    id: `local-${clientMessageId}`,
    clientMessageId,
    author: 'visitor',
    senderName: null,
    text: text || null,
    attachments,
    status: null,
    createdAt: new Date().toISOString(),
    local: 'sending',
    ...(file ? { progress: 0 } : {}),
    ...(localImageUrl ? { localImageUrl } : {}),
  };
  return { message, localImageUrl };
}
