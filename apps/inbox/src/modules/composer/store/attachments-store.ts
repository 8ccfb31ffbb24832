import type { AttachmentDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { uploadFile } from '../api/files-api';
import { errorText } from '../../../shared/api/error-text';

export interface PendingAttachment {
  key: string;
  filename: string;
  status: 'uploading' | 'ready' | 'failed';
  attachment: AttachmentDto | null;
  error: string | null;
}

const NONE: PendingAttachment[] = [];
let nextKey = 1;

interface AttachmentsState {
  /** Per conversation, like drafts: switching conversations keeps what was attached. */
  byConversation: Record<string, PendingAttachment[]>;
  add: (conversationId: string, files: Iterable<File>) => void;
  /** Files already uploaded (a canned reply's), ready to send; one already attached is skipped. */
  addUploaded: (conversationId: string, attachments: readonly AttachmentDto[]) => void;
  remove: (conversationId: string, key: string) => void;
  clear: (conversationId: string) => void;
}

export const useAttachmentsStore = create<AttachmentsState>((set, get) => {
  const patch = (conversationId: string, key: string, next: Partial<PendingAttachment>) =>
    set((s) => ({
      byConversation: {
        ...s.byConversation,
        [conversationId]: (s.byConversation[conversationId] ?? NONE).map((a) =>
          a.key === key ? { ...a, ...next } : a,
        ),
      },
    }));

  return {
    byConversation: {},
    add: (conversationId, files) => {
      for (const file of files) {
        const key = `a${nextKey++}`;
        set((s) => ({
          byConversation: {
            ...s.byConversation,
            [conversationId]: [
              ...(s.byConversation[conversationId] ?? NONE),
              { key, filename: file.name, status: 'uploading', attachment: null, error: null },
            ],
          },
        }));
        uploadFile(file).then(
          (attachment) => patch(conversationId, key, { status: 'ready', attachment }),
          (error: unknown) =>
            patch(conversationId, key, {
              status: 'failed',
              error: errorText(error),
            }),
        );
      }
    },
    addUploaded: (conversationId, attachments) =>
      set((s) => {
        const current = s.byConversation[conversationId] ?? NONE;
        const fresh = attachments.filter((a) => !current.some((p) => p.attachment?.id === a.id));
        return {
          byConversation: {
            ...s.byConversation,
            [conversationId]: [
              ...current,
              ...fresh.map((attachment) => ({
                key: `a${nextKey++}`,
                filename: attachment.filename,
                status: 'ready' as const,
                attachment,
                error: null,
              })),
            ],
          },
        };
      }),
    remove: (conversationId, key) =>
      set((s) => ({
        byConversation: {
          ...s.byConversation,
          [conversationId]: (s.byConversation[conversationId] ?? NONE).filter((a) => a.key !== key),
        },
      })),
    clear: (conversationId) => {
      if (!get().byConversation[conversationId]) return;
      set((s) => {
        const { [conversationId]: _dropped, ...rest } = s.byConversation;
        return { byConversation: rest };
      });
    },
  };
});

export const NO_ATTACHMENTS = NONE;
