import type { VisitorAttachmentDto } from '../shared/widget-wire';

/** A fetched attachment: an image shown inside `into`, anything else downloaded. */
export function showAttachment(
  blob: Blob,
  attachment: VisitorAttachmentDto,
  into: HTMLElement | null,
): void {
  const url = URL.createObjectURL(blob);
  if (into) {
    const img = document.createElement('img');
    img.src = url;
    img.alt = attachment.filename;
    into.replaceChildren(img);
    return;
  }
  const link = document.createElement('a');
  link.href = url;
  link.download = attachment.filename;
  link.click();
}
