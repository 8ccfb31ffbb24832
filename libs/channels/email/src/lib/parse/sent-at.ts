/**
 * When a mail was sent, as the feed shows it: the Date header if it is believable, else the
 * server's INTERNALDATE, else now. A Date far in the future would pin the conversation to the top
 * of the feed forever; one before 1990 is a broken clock.
 */
export function sentAtOf(headerDate: Date | undefined, receivedAt: Date | undefined): Date {
  const now = Date.now();
  const fallback = receivedAt && !Number.isNaN(receivedAt.getTime()) ? receivedAt : new Date(now);
  if (!headerDate || Number.isNaN(headerDate.getTime())) return fallback;
  if (headerDate.getTime() > now + 24 * 3600_000 || headerDate.getFullYear() < 1990)
    return fallback;
  return headerDate;
}
