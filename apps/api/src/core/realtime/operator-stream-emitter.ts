import type { StreamEvent } from '@switchboard/contracts';
import type { Namespace } from 'socket.io';
import type { OperatorSocket } from './operator-socket';
import type { BatchVisibility, StreamAccessFilter } from './stream-access-filter';

/** One live batch's inbox access, read once for every socket of the account. */
export type BatchAccess = Promise<BatchVisibility>;

/**
 * Emissions to operator sockets in stream order: filtering by inbox access is asynchronous, the
 * stream is not, so each socket's emissions run one after another. A live batch that a group of
 * sockets takes whole is encoded once for all of them (a socket.io broadcast to their ids) where
 * `socket.emit` would encode it again for every socket.
 */
export class OperatorStreamEmitter {
  constructor(
    private readonly nsp: () => Namespace,
    private readonly access: StreamAccessFilter,
  ) {}

  /** Emits what this operator may see (inbox access; `batch`: read once for a live batch). */
  emit(socket: OperatorSocket, events: StreamEvent[], batch?: BatchAccess): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    return this.enqueue(socket, async () => {
      const op = socket.data.operator;
      const shared = batch ? (await batch).filter(op, events) : null;
      for (const e of shared ?? (await this.access.visible(op, events)))
        socket.emit('stream.event', e);
    });
  }

  /**
   * Emits the same events to every socket of `group`, each getting what it may see, after
   * everything queued for each of them before; sockets that may see the same share one encoding.
   */
  emitToAll(group: OperatorSocket[], events: StreamEvent[], batch: BatchAccess): Promise<void> {
    const task = async (): Promise<void> => {
      const visibility = await batch;
      const shares = new Map<string, { events: StreamEvent[]; ids: string[] }>();
      for (const socket of group) {
        if (!socket.connected) continue;
        const op = socket.data.operator;
        const mine = visibility.filter(op, events) ?? (await this.access.visible(op, events));
        const key = mine.map((e) => e.cursor).join(',');
        const share = shares.get(key) ?? { events: mine, ids: [] };
        share.ids.push(socket.id);
        shares.set(key, share);
      }
      for (const { events: share, ids } of shares.values())
        for (const e of share) this.nsp().to(ids).emit('stream.event', e);
    };
    const next = Promise.all(group.map((s) => s.data.outbox)).then(task);
    const settled = next.catch(() => undefined);
    for (const socket of group) socket.data.outbox = settled;
    return next;
  }

  /** Runs a socket's emissions one after another, in the order they were asked for. */
  enqueue(socket: OperatorSocket, task: () => Promise<void> | void): Promise<void> {
    const next = (socket.data.outbox ?? Promise.resolve()).then(task);
    socket.data.outbox = next.catch(() => undefined);
    return next;
  }
}
