/** An hour from now: a snooze or a due date the server accepts (request bodies of the table). */
export const SOON = () => new Date(Date.now() + 3_600_000).toISOString();
