import { describe, expect, it } from 'vitest';
import {
  apiQueryOf,
  defaultParams,
  exportUrl,
  timeQueryOf,
  hashOfParams,
  paramsFromHash,
  type ReportParams,
} from './report-params';

const TODAY = '2025-03-15';
const INBOX = '3f1e0c2a-8d4b-4c1e-9a2f-1b2c3d4e5f60';
const TAG = 'a1b2c3d4-0000-4000-8000-00000000000a';

describe('the report in the URL hash', () => {
  it('round-trips every choice, so a link shares the report', () => {
    const params: ReportParams = {
      period: 'custom',
      custom: { from: '2025-02-01', to: '2025-02-28' },
      bucket: 'week',
      groupBy: 'operator',
      businessHours: true,
      filters: {
        inboxId: [INBOX],
        teamId: [],
        operatorId: [],
        tagId: [TAG, INBOX],
        channel: ['email', 'telegram'],
      },
      timeGroupBy: 'contact',
    };
    const hash = hashOfParams(params);
    expect(hash.startsWith('#/reports?period=custom&from=2025-02-01&to=2025-02-28')).toBe(true);
    expect(paramsFromHash(hash, TODAY)).toEqual(params);
  });

  it('keeps presets relative and leaves defaults out', () => {
    expect(hashOfParams(defaultParams(TODAY))).toBe('#/reports?period=last30');
    const params = paramsFromHash('#/reports?period=last7', '2025-04-02');
    expect(params.period).toBe('last7');
    expect(apiQueryOf(params, '2025-04-02')).toEqual({
      from: '2025-03-27',
      to: '2025-04-02',
      bucket: 'day',
      groupBy: 'none',
      businessHours: 'false',
    });
  });

  it('falls back to defaults for anything unknown or malformed', () => {
    const params = paramsFromHash(
      '#/reports?period=forever&bucket=hour&groupBy=planet&businessHours=yes&timeGroupBy=moon' +
        `&inboxId=not-an-id&inboxId=${INBOX}&inboxId=${INBOX}&channel=fax&channel=email`,
      TODAY,
    );
    expect(params).toEqual({
      ...defaultParams(TODAY),
      filters: { ...defaultParams(TODAY).filters, inboxId: [INBOX], channel: ['email'] },
    });
    // A custom period needs two real days; otherwise the default period shows.
    expect(
      paramsFromHash('#/reports?period=custom&from=2025-02-30&to=2025-03-01', TODAY).period,
    ).toBe('last30');
    expect(paramsFromHash('#/reports', TODAY)).toEqual(defaultParams(TODAY));
    expect(paramsFromHash('#/tasks?period=last7', TODAY)).toEqual(defaultParams(TODAY));
  });

  it('asks the API for a group and builds the CSV link with repeated filters', () => {
    const params = paramsFromHash(
      `#/reports?period=thisMonth&groupBy=tag&businessHours=true&tagId=${TAG}&channel=email`,
      TODAY,
    );
    const query = apiQueryOf(params, TODAY, 'operator');
    expect(query).toEqual({
      from: '2025-03-01',
      to: TODAY,
      bucket: 'day',
      groupBy: 'operator',
      businessHours: 'true',
      tagId: [TAG],
      channel: ['email'],
    });
    expect(exportUrl(query, 'series')).toBe(
      '/api/reports/export?from=2025-03-01&to=2025-03-15&bucket=day&groupBy=operator' +
        `&businessHours=true&tagId=${TAG}&channel=email&table=series`,
    );
    // Time tracking takes the period only, split its own way.
    expect(timeQueryOf({ ...params, timeGroupBy: 'tag' }, TODAY, 'csv')).toEqual({
      from: '2025-03-01',
      to: TODAY,
      groupBy: 'tag',
      format: 'csv',
    });
  });
});
