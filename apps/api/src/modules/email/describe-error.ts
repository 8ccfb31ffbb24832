/** An error as one log line: imapflow puts the server's answer in responseText. */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const extra = (err as { responseText?: string }).responseText;
    return extra ? `${err.message}: ${extra}` : err.message;
  }
  return String(err);
}
