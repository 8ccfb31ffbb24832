/** Node network errors that mean "no connection to PostgreSQL right now". */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

/**
 * SQLSTATEs of a database that is going away or not back yet: class 08 (connection exception),
 * 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up or
 * recovering), 53300 too many connections.
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

const CONNECTION_LOST = /^Connection terminated|^Client has encountered a connection error/;

/**
 * Whether an error means the database is unreachable (restarting, failing over, crashed) rather
 * than that the request was wrong. Such a request changed nothing that committed, so the client —
 * or the channel provider, which redelivers — can safely try again: it is answered 503.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, message, driverError } = e as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
    };
    if (typeof code === 'string') {
      if (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code) || code.startsWith('08'))
        return true;
    }
    if (typeof message === 'string' && CONNECTION_LOST.test(message)) return true;
    e = driverError;
  }
  return false;
}
