import type { StreamEvent } from '@switchboard/contracts';
import type { Namespace } from 'socket.io';
import type { OperatorSocket } from './operator-socket';
import { OperatorStreamEmitter } from './operator-stream-emitter';
import { BatchVisibility, type StreamAccessFilter } from './stream-access-filter';

const event = (cursor: number, conversationId: string | null): StreamEvent =>
  ({ cursor, type: 'conversation.updated', conversationId, at: '', payload: {} }) as never;

describe('OperatorStreamEmitter', () => {
  /** What each socket received, in order, by socket id; and how many encodings were broadcast. */
  let received: Map<string, number[]>;
  let broadcasts: number;
  const nsp = {
    to: (ids: string[]) => ({
      emit: (_name: string, e: StreamEvent) => {
        broadcasts++;
        for (const id of ids) received.get(id)?.push(e.cursor);
      },
    }),
  } as unknown as Namespace;
  const socket = (id: string, role: 'admin' | 'agent'): OperatorSocket => {
    received.set(id, []);
    return {
      id,
      connected: true,
      data: { operator: { id, accountId: 'acc', role } },
      emit: (_name: string, e: StreamEvent) => received.get(id)?.push(e.cursor),
    } as unknown as OperatorSocket;
  };

  beforeEach(() => {
    received = new Map();
    broadcasts = 0;
  });

  it('never lets a broadcast batch overtake what a socket had queued before it', async () => {
    // The socket's own emission waits on a slow access read; the batch after it is ready at once.
    const slow: Pick<StreamAccessFilter, 'visible'> = {
      visible: (_viewer, events) => new Promise((r) => setTimeout(() => r(events), 30)),
    };
    const emitter = new OperatorStreamEmitter(() => nsp, slow as StreamAccessFilter);
    const a = socket('a', 'agent');
    const b = socket('b', 'agent');
    const first = emitter.emit(a, [event(1, 'c1')]);
    const batch = Promise.resolve(
      new BatchVisibility(
        new Map([
          ['a', new Set(['c1'])],
          ['b', new Set(['c1'])],
        ]),
      ),
    );
    await Promise.all([first, emitter.emitToAll([a, b], [event(2, 'c1')], batch)]);
    expect(received.get('a')).toEqual([1, 2]);
    expect(received.get('b')).toEqual([2]);
  });

  it('gives each agent only their share, one encoding per distinct share', async () => {
    const emitter = new OperatorStreamEmitter(() => nsp, {} as StreamAccessFilter);
    const admin = socket('admin', 'admin');
    const member = socket('member', 'agent');
    const outsider = socket('outsider', 'agent');
    const seen = new Map([
      ['member', new Set(['open', 'secret'])],
      ['outsider', new Set(['open'])],
    ]);
    const events = [event(1, 'open'), event(2, 'secret'), event(3, null)];
    await emitter.emitToAll(
      [admin, member, outsider],
      events,
      Promise.resolve(new BatchVisibility(seen)),
    );
    expect(received.get('admin')).toEqual([1, 2, 3]);
    expect(received.get('member')).toEqual([1, 2, 3]);
    expect(received.get('outsider')).toEqual([1, 3]);
    // The admin and the member share one encoding of three events; the outsider's two are their own.
    expect(broadcasts).toBe(5);
  });
});
