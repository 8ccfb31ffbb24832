const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local day (YYYY-MM-DD) of an instant in an IANA timezone. */
export function localDay(timeZone: string, at: Date): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f.format(at);
}

/** Whole days from `from` to `to` (YYYY-MM-DD, both included); negative when `to` is earlier. */
export function daysInPeriod(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  );
}
