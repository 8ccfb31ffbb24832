import { isDatabaseUnavailable } from './database-unavailable';

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['an admin shutdown', { message: 'x', driverError: { code: '57P01' } }],
    ['a crash shutdown', { code: '57P02' }],
    ['a server still starting', { code: '57P03' }],
    ['a connection exception', { code: '08006' }],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
  ])('recognises %s', (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['a unique violation', { code: '23505' }],
    ['a syntax error', { driverError: { code: '42601' } }],
    ['a plain bug', new TypeError('x is undefined')],
    ['nothing', null],
  ])('leaves %s alone', (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));
});
