import type {
  OperatorClientToServerEvents,
  OperatorServerToClientEvents,
} from '@switchboard/contracts';
import type { Socket } from 'socket.io';
import type { ActiveSession } from '../auth/auth.service';
import type { AuthenticatedOperator } from '../auth/authenticated-operator';
import type { OperatorSocketState } from './operator-socket-state';

/** An operator's socket on the `/operators` namespace, with what the gateway keeps on it. */
export type OperatorSocket = Socket<
  OperatorClientToServerEvents,
  OperatorServerToClientEvents,
  Record<string, never>,
  {
    operator: AuthenticatedOperator;
    state: OperatorSocketState;
    /** The session it was opened with: the socket ends with it (SessionSockets). */
    session: ActiveSession;
    untrackSession?: () => void;
    /** The conversation this tab said it has open, if any. */
    viewing?: string;
    /** Emissions in stream order: filtering by inbox access is asynchronous, the stream is not. */
    outbox?: Promise<void>;
  }
>;
