import {
  FIXTURE_ACCOUNT_SID,
  FIXTURE_AUTH_TOKEN,
  FIXTURE_INBOUND_URL,
  FIXTURE_STATUS_URL,
  formBody,
  signedWebhook,
  twilioInboundFixtures as inbound,
  twilioStatusFixtures as statuses,
} from '../../fixtures/twilio-webhooks';
import { verifyTwilioSignature } from './verify-signature';

const credentials = { accountSid: FIXTURE_ACCOUNT_SID, authToken: FIXTURE_AUTH_TOKEN };
const verify = (req: ReturnType<typeof signedWebhook>) => verifyTwilioSignature(req, credentials);

describe('verifyTwilioSignature', () => {
  it('accepts what Twilio signed, on the inbound and the status URL', () => {
    expect(verify(signedWebhook(inbound.whatsappText))).toBe(true);
    expect(verify(signedWebhook(statuses.delivered, { url: FIXTURE_STATUS_URL }))).toBe(true);
  });

  it('accepts a URL signed with its default port (Twilio signs either form)', () => {
    const req = signedWebhook(inbound.whatsappText, {
      signedUrl: FIXTURE_INBOUND_URL.replace('.test/', '.test:443/'),
    });
    expect(verify(req)).toBe(true);
  });

  it('refuses a missing or empty signature', () => {
    expect(verify(signedWebhook(inbound.whatsappText, { signature: null }))).toBe(false);
    expect(verify(signedWebhook(inbound.whatsappText, { signature: '' }))).toBe(false);
  });

  it('refuses a signature made with another token', () => {
    const req = signedWebhook(inbound.whatsappText, { token: 'f'.repeat(32) });
    expect(verify(req)).toBe(false);
  });

  it('refuses a tampered parameter', () => {
    const req = signedWebhook(inbound.whatsappText);
    const tampered = { ...req, rawBody: formBody({ ...inbound.whatsappText, Body: 'Refund me' }) };
    expect(verify(tampered)).toBe(false);
    const added = { ...req, rawBody: formBody({ ...inbound.whatsappText, Extra: '1' }) };
    expect(verify(added)).toBe(false);
  });

  it('refuses a signature computed for another URL (another inbox, another query)', () => {
    const otherInbox = signedWebhook(inbound.whatsappText, {
      signedUrl: FIXTURE_INBOUND_URL.replace('inbox-1', 'inbox-2'),
    });
    expect(verify(otherInbox)).toBe(false);
    const statusUrl = signedWebhook(statuses.delivered, {
      url: FIXTURE_INBOUND_URL,
      signedUrl: FIXTURE_STATUS_URL,
    });
    expect(verify(statusUrl)).toBe(false);
  });

  it("refuses another account's webhook even when signed with our token", () => {
    const other = { ...inbound.whatsappText, AccountSid: `AC${'9'.repeat(32)}` };
    expect(verify(signedWebhook(other))).toBe(false);
    const { AccountSid: _a, ...noAccount } = inbound.whatsappText;
    expect(verify(signedWebhook(noAccount))).toBe(false);
  });

  it('accepts the URL a trusted proxy reported, when Twilio signed that one', () => {
    const forwarded = 'https://public.example.test/api/webhooks/inbox-1';
    const req = signedWebhook(inbound.whatsappText, { signedUrl: forwarded });
    expect(verify(req)).toBe(false);
    expect(verify({ ...req, alternateUrls: [forwarded] })).toBe(true);
    expect(verify({ ...req, alternateUrls: ['https://other.example.test/x', 'bad url'] })).toBe(
      false,
    );
  });

  it('refuses an unparseable URL instead of throwing', () => {
    const req = { ...signedWebhook(inbound.whatsappText), url: 'not a url' };
    expect(verify(req)).toBe(false);
  });

  it('checks repeated keys the way Twilio signs them', () => {
    const params = { ...inbound.whatsappText, Tag: ['b', 'a'] };
    expect(verify(signedWebhook(params))).toBe(true);
  });
});
