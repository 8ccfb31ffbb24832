import type { RoutingOperatorLoadDto } from '@switchboard/contracts';
import {
  eventually,
  RecordingOperatorSocket,
  type ApiClient,
  type SocketCredentials,
} from '@switchboard/testing';

/**
 * Makes an operator available to routing the faithful way: a real operator socket (their
 * presence must be `online`, the default), then waits until routing sees them (their
 * `operator_connections` row is written just after the socket connects). Close the socket to
 * make them unavailable again. Any operator of the account can be `observer`.
 */
export async function connectAvailableOperator(
  baseUrl: string,
  credentials: string | SocketCredentials,
  observer: ApiClient,
  operatorId: string,
): Promise<RecordingOperatorSocket> {
  const socket = await RecordingOperatorSocket.connect(baseUrl, credentials);
  await eventually(async () => {
    const loads = await observer.ok<RoutingOperatorLoadDto[]>('GET', '/api/routing/operators');
    return loads.find((l) => l.operatorId === operatorId)?.connected;
  });
  return socket;
}
