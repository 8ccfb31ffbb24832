import { z } from 'zod';

/** The choices the profile offers; the API takes any whole number of seconds up to 30. */
export const UNDO_SEND_CHOICES = [0, 5, 10, 20, 30] as const;

/** GET/PUT /api/operators/me/undo-send: how long one's replies wait before they leave (0: off). */
export interface UndoSendSettingsDto {
  seconds: number;
}

export const undoSendSettingsRequestSchema = z.object({
  seconds: z.number().int().min(0).max(30),
});
export type UndoSendSettingsRequest = z.infer<typeof undoSendSettingsRequestSchema>;

/** 409 ALREADY_SENT's details: the reply's Undo window closed, so it has left or is leaving. */
export interface AlreadySentDetails {
  messageId: string;
  /** When the window closed. */
  undoUntil: string | null;
}
