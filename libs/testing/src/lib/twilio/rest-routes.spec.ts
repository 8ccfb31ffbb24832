import { parseRoute } from './rest-routes';

const AC = 'AC0123456789abcdef0123456789abcdef';

describe('Twilio REST routes', () => {
  it.each([
    [`/2010-04-01/Accounts/${AC}.json`, { kind: 'account', accountSid: AC }],
    [`/2010-04-01/Accounts/${AC}/Messages.json`, { kind: 'messages', accountSid: AC }],
    [
      `/2010-04-01/Accounts/${AC}/Messages/SM1.json`,
      { kind: 'message', accountSid: AC, messageSid: 'SM1' },
    ],
    [
      `/2010-04-01/Accounts/${AC}/Messages/MM1/Media.json`,
      { kind: 'mediaList', accountSid: AC, messageSid: 'MM1' },
    ],
    [
      `/2010-04-01/Accounts/${AC}/Messages/MM1/Media/ME1.json`,
      { kind: 'mediaJson', accountSid: AC, messageSid: 'MM1', mediaSid: 'ME1' },
    ],
    [
      `/2010-04-01/Accounts/${AC}/Messages/MM1/Media/ME1`,
      { kind: 'mediaFile', accountSid: AC, messageSid: 'MM1', mediaSid: 'ME1' },
    ],
    ['/v1/ContentAndApprovals', { kind: 'contentAndApprovals' }],
    ['/v1/Content', { kind: 'contents' }],
    ['/v1/Content/HX1', { kind: 'content', contentSid: 'HX1' }],
    ['/v1/Content/HX1/ApprovalRequests', { kind: 'approvalFetch', contentSid: 'HX1' }],
    ['/media-store/abc', { kind: 'mediaStore', key: 'abc' }],
  ])('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it.each([
    '/',
    '/2010-04-01/Accounts',
    `/2010-04-01/Accounts/${AC}`,
    `/2010-04-01/Accounts/${AC}/Calls.json`,
    `/2010-04-01/Accounts/${AC}/Messages/SM1`,
    '/v2/ContentAndApprovals',
    '/media-store/',
    '/v1/Content/%E0%A4%A',
  ])('%s is not served', (path) => {
    expect(parseRoute(path)).toBeNull();
  });
});
