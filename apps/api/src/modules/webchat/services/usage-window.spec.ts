import { secondsUntilEnd, usageWindow } from './usage-window';

describe('usage windows', () => {
  it('aligns minute, hour and day windows to UTC and says how long until the next one', () => {
    const now = new Date('2030-05-06T07:08:09.500Z');
    expect(usageWindow('minute', now)).toEqual({
      start: new Date('2030-05-06T07:08:00Z'),
      end: new Date('2030-05-06T07:09:00Z'),
    });
    expect(usageWindow('hour', now).start).toEqual(new Date('2030-05-06T07:00:00Z'));
    expect(usageWindow('day', now)).toEqual({
      start: new Date('2030-05-06T00:00:00Z'),
      end: new Date('2030-05-07T00:00:00Z'),
    });
    expect(secondsUntilEnd(usageWindow('minute', now), now)).toBe(51);
    const edge = new Date('2030-05-06T07:08:59.999Z');
    expect(secondsUntilEnd(usageWindow('minute', edge), edge)).toBe(1);
  });
});
