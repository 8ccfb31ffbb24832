import { readRawEmail, type ParseContext, type RawEmail } from './email-parser';
import type { EmailReading } from './email-reading';
import { MalformedMimeError } from './malformed-mime-error';
import { parseEmailAsPlainText } from './plain-text-fallback';

/**
 * `readRawEmail`, except that a mail whose structure the full parser refuses is read by the
 * bounded plain-text reader instead of being refused: its sender, subject and the words of its
 * first text part are kept (no HTML, no attachments), with a note on top and a `simplified` line
 * for the sync log saying why. Mail refused for what it is (no sender, a bounce naming nothing)
 * is still refused.
 */
export async function readEmailKeepingText(
  raw: RawEmail,
  ctx: ParseContext,
): Promise<EmailReading> {
  try {
    return await readRawEmail(raw, ctx);
  } catch (err) {
    if (!(err instanceof MalformedMimeError)) throw err;
    const { reason } = err;
    const note = `[Switchboard could not fully read this email (its MIME structure is beyond what we read: ${reason}). It is shown as plain text, without formatting or attachments; the original is still in the mailbox.]`;
    return {
      events: parseEmailAsPlainText(raw, ctx, note),
      notes: [
        {
          action: 'simplified',
          reason: `Stored as plain text, without formatting or attachments: its MIME structure is beyond what we read (${reason})`,
        },
      ],
    };
  }
}
