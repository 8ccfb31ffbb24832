import type { VisitorMessageDto } from '../dto/widget-wire.dto';
import type { VisitorMessageRecord } from '../repositories/visitor-history.repository';

/** A stored message as the visitor's widget shows it. */
export function toVisitorMessageDto(
  r: VisitorMessageRecord,
  visitorKey: string,
): VisitorMessageDto {
  const mine = r.direction === 'incoming';
  const prefix = `wc-in:${visitorKey}:`;
  return {
    id: r.id,
    clientMessageId:
      mine && r.externalId?.startsWith(prefix) ? r.externalId.slice(prefix.length) : null,
    author: mine ? 'visitor' : 'operator',
    senderName: mine ? null : r.operatorName,
    text: r.text,
    attachments: (r.attachments ?? []).map((a) => ({
      id: a.id,
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
    })),
    status: mine ? (r.unread ? 'delivered' : 'read') : operatorStatus(r.deliveryStatus),
    createdAt: r.createdAt.toISOString(),
  };
}

/** How far an operator message got with this visitor (read ones do not count as unread in the widget). */
function operatorStatus(status: string | null): VisitorMessageDto['status'] {
  return status === 'sent' || status === 'delivered' || status === 'read' ? status : null;
}
