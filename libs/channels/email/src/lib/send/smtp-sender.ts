import { createTransport } from 'nodemailer';
import type { EmailSecrets, EmailSettings } from '../email-settings.schema';
import { smtpTransportOptions } from '../shared/server-options';
import type { ComposedReply } from './reply-composer';

/**
 * nodemailer's error, raised after the whole message (with its final dot) was handed to the server
 * and before the server answered: the server may have queued it. The original error is its cause.
 */
export class SmtpAnswerLost extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'SmtpAnswerLost';
  }
}

/**
 * Knows whether a send got past the point of no return. nodemailer names no stage on a timeout or
 * a dropped socket (both say command "CONN"); its logger does: the connection logs `tnx: 'message'`
 * once the message stream, terminating dot included, has been written to the socket. Give
 * `logger` to the transport, then pass its errors through `explain`.
 */
export class SmtpDataProgress {
  private dataComplete = false;

  readonly logger = {
    trace: noop,
    debug: noop,
    info: (entry: unknown) => {
      if (isMessageEntry(entry)) this.dataComplete = true;
    },
    warn: noop,
    error: noop,
    fatal: noop,
  };

  /** The error as it is, or SmtpAnswerLost when the server has the message and never answered. */
  explain(err: unknown): unknown {
    const answered = typeof (err as { responseCode?: unknown } | null)?.responseCode === 'number';
    return this.dataComplete && !answered ? new SmtpAnswerLost(err) : err;
  }
}

/**
 * Hands one composed message to the configured SMTP server; throws nodemailer's error on failure,
 * as SmtpAnswerLost when the failure came after the message data was complete.
 */
export async function deliverOverSmtp(
  reply: ComposedReply,
  settings: EmailSettings,
  secrets: EmailSecrets,
): Promise<void> {
  const progress = new SmtpDataProgress();
  // One connection per message: sends are rare next to reads, and a pooled connection would keep
  // a dead or reconfigured server's session around between sends.
  const transport = createTransport({
    ...smtpTransportOptions(settings, secrets),
    logger: progress.logger,
  });
  try {
    await transport.sendMail({ envelope: reply.envelope, raw: reply.raw });
  } catch (err) {
    throw progress.explain(err);
  } finally {
    transport.close();
  }
}

function isMessageEntry(entry: unknown): boolean {
  return (
    typeof entry === 'object' && entry !== null && (entry as { tnx?: unknown }).tnx === 'message'
  );
}

function noop(): void {
  // nodemailer's own log lines are not ours to print.
}
