import { normalizeMessageId } from '../shared/message-id';
import type { HeaderView } from './auto-reply-detector';

/** A delivery report about one of the messages we sent (RFC 3464 DSN or a classic bounce). */
export interface DeliveryReport {
  action: 'failed' | 'delayed' | 'delivered';
  /** Message-ID of the message the report is about, when the report carries it. */
  originalMessageId: string | null;
  reason: string | null;
}

const BOUNCE_SUBJECT =
  /(undeliver|undelivered|delivery (status notification|failure|has failed)|mail delivery (failed|failure|subsystem)|returned mail|failure notice|delivery notification|non[- ]?delivery|could not be delivered)/i;

/**
 * Recognise a bounce: a multipart/report of type delivery-status, or a mail from the mailer daemon
 * whose subject says so. `searchable` is the decoded body plus any attached original headers.
 */
export function detectDeliveryReport(
  headers: HeaderView,
  fromAddress: string | null,
  subject: string,
  searchable: string,
): DeliveryReport | null {
  const contentType = headers.get('content-type')?.toLowerCase() ?? '';
  const isDsn =
    contentType.startsWith('multipart/report') && /report-type="?delivery-status/.test(contentType);
  const fromDaemon = /^(mailer-daemon|postmaster|mail-daemon)@/i.test(fromAddress ?? '');
  if (!isDsn && !(fromDaemon && BOUNCE_SUBJECT.test(subject))) return null;

  const actions = [...searchable.matchAll(/^Action:\s*([a-z]+)/gim)].map((m) => m[1].toLowerCase());
  let action: DeliveryReport['action'] = 'failed';
  if (actions.length > 0 && !actions.includes('failed')) {
    action = actions.every((a) => a === 'delivered' || a === 'relayed' || a === 'expanded')
      ? 'delivered'
      : 'delayed';
  }

  return {
    action,
    originalMessageId: originalMessageIdOf(searchable),
    reason: reasonOf(searchable, subject),
  };
}

/** The first Message-ID header inside the report's body: the one of the returned message. */
function originalMessageIdOf(searchable: string): string | null {
  const match = /^Message-ID:[ \t]*((?:.*)(?:\r?\n[ \t]+.*)*)/im.exec(searchable);
  return match ? normalizeMessageId(match[1].replace(/\r?\n[ \t]+/g, ' ')) : null;
}

function reasonOf(searchable: string, subject: string): string | null {
  const diagnostic = /^Diagnostic-Code:[ \t]*((?:.*)(?:\r?\n[ \t]+.*)*)/im.exec(searchable);
  if (diagnostic) return clean(diagnostic[1].replace(/^smtp;\s*/i, ''));
  const status = /^Status:[ \t]*(\d\.\d{1,3}\.\d{1,3})/im.exec(searchable);
  if (status) return `Delivery status ${status[1]}`;
  // Classic bounces put the server's answer on a line that starts with the SMTP code. The indent
  // is `[ \t]*`, not `\s*`: under /m, `\s*` runs across empty lines from every line start
  // (quadratic over a body of blank lines).
  const smtpLine = /^[ \t]*([45]\d\d[ -].{4,})$/m.exec(searchable);
  if (smtpLine) return clean(smtpLine[1]);
  return subject ? clean(subject) : null;
}

function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, 2000);
}
