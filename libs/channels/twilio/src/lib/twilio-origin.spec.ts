import { isTrustedTwilioUrl, isTwilioHost, rewriteTwilioUrl } from './twilio-origin';

const FAKE = 'http://127.0.0.1:4010';

describe('rewriteTwilioUrl', () => {
  it('moves Twilio hosts to the override, path and query unchanged', () => {
    expect(
      rewriteTwilioUrl(
        'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?PageSize=50',
        FAKE,
      ),
    ).toBe(`${FAKE}/2010-04-01/Accounts/AC1/Messages.json?PageSize=50`);
    expect(rewriteTwilioUrl('https://content.twilio.com/v1/ContentAndApprovals', FAKE)).toBe(
      `${FAKE}/v1/ContentAndApprovals`,
    );
    expect(rewriteTwilioUrl('https://api.dublin.ie1.twilio.com:443/x', FAKE)).toBe(`${FAKE}/x`);
    expect(rewriteTwilioUrl('https://api.twilio.com', FAKE)).toBe(FAKE);
    // Characters a URL parser would re-encode stay as twilio-node wrote them.
    expect(rewriteTwilioUrl("https://api.twilio.com/a/it's", FAKE)).toBe(`${FAKE}/a/it's`);
  });

  it('leaves everything else alone', () => {
    expect(rewriteTwilioUrl('https://api.twilio.com/x', null)).toBe('https://api.twilio.com/x');
    expect(rewriteTwilioUrl('http://api.twilio.com/x', FAKE)).toBe('http://api.twilio.com/x');
    expect(rewriteTwilioUrl('https://twilio.com.evil.test/x', FAKE)).toBe(
      'https://twilio.com.evil.test/x',
    );
    expect(rewriteTwilioUrl('https://eviltwilio.com/x', FAKE)).toBe('https://eviltwilio.com/x');
    expect(rewriteTwilioUrl('not a url', FAKE)).toBe('not a url');
  });
});

describe('isTrustedTwilioUrl', () => {
  it('trusts https Twilio hosts, or only the override when there is one', () => {
    expect(isTrustedTwilioUrl(new URL('https://api.twilio.com/x'), null)).toBe(true);
    expect(isTrustedTwilioUrl(new URL('http://api.twilio.com/x'), null)).toBe(false);
    expect(isTrustedTwilioUrl(new URL('https://s3.amazonaws.com/x'), null)).toBe(false);
    expect(isTrustedTwilioUrl(new URL(`${FAKE}/x`), FAKE)).toBe(true);
    expect(isTrustedTwilioUrl(new URL('http://127.0.0.1:4011/x'), FAKE)).toBe(false);
    expect(isTrustedTwilioUrl(new URL('https://api.twilio.com/x'), FAKE)).toBe(false);
  });

  it('knows Twilio hosts', () => {
    expect(isTwilioHost('API.Twilio.com')).toBe(true);
    expect(isTwilioHost('twilio.com')).toBe(true);
    expect(isTwilioHost('twilio.com.example')).toBe(false);
  });
});
