import { handshakeCursorProblem } from './handshake-cursor';

describe('handshakeCursorProblem', () => {
  it.each([undefined, null, 0, 42, '42', Number.MAX_SAFE_INTEGER])('accepts %p', (cursor) => {
    expect(handshakeCursorProblem({ token: 't', cursor })).toBeNull();
  });

  it('accepts a handshake without auth or without a cursor', () => {
    expect(handshakeCursorProblem(undefined)).toBeNull();
    expect(handshakeCursorProblem({ token: 't' })).toBeNull();
  });

  it.each([-1, 1.5, 'abc', '', ' 7', '1e3', true, { $gt: 0 }, [1], 2 ** 60, Number.NaN])(
    'names the cursor, not the session, for %p',
    (cursor) => {
      const problem = handshakeCursorProblem({ token: 't', cursor });
      expect(problem).toMatch(/^invalid cursor: /);
      expect(problem).not.toMatch(/token|session|unauthorized/i);
    },
  );
});
