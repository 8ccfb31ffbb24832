import type { Attachment } from 'mailparser';
import type { InboundFile } from '@switchboard/channels-core';
import { checkAttachmentType } from './attachment-type';

export interface AttachmentResult {
  attachments: InboundFile[];
  /** Human-readable notes about attachments that were not stored, appended to the message text. */
  notes: string[];
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
};

/**
 * Attachments as the core stores them: a safe file name, the type the bytes prove, the Content-ID
 * of inline images (the HTML refers to them as `cid:`), and nothing above the size limit.
 */
export function collectAttachments(
  parsed: readonly Attachment[],
  maxBytes: number,
): AttachmentResult {
  const attachments: InboundFile[] = [];
  const notes: string[] = [];
  parsed.forEach((att, index) => {
    // Delivery reports are read by the bounce detector; the report itself is not a file for the operator.
    if (/^message\/(delivery-status|disposition-notification)$/i.test(att.contentType)) return;
    const name = safeFilename(att.filename, att.contentType, index);
    if (att.size > maxBytes) {
      notes.push(
        `[Attachment "${name}" (${formatBytes(att.size)}) was not stored: larger than ${formatBytes(maxBytes)}.]`,
      );
      return;
    }
    const checked = checkAttachmentType(att.contentType, att.content);
    attachments.push({
      filename: name,
      contentType: checked.contentType,
      content: att.content,
      contentId: att.cid ? att.cid.slice(0, 255) : null,
    });
  });
  return { attachments, notes };
}

function safeFilename(raw: string | undefined, contentType: string, index: number): string {
  const base = (raw ?? '')
    .replace(/^.*[\\/]/, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  if (base) return Array.from(base).slice(-200).join('');
  const ext = EXTENSIONS[contentType.toLowerCase()] ?? 'bin';
  return `attachment-${index + 1}.${ext}`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
