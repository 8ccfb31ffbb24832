import type { InboxContext, OutboundMessage, WebhookRequest } from '@switchboard/channels-core';
import { describeChannelContract } from '@switchboard/channels-core/testing';
import { FakeTwilio, type FakeTwilioAccount } from '@switchboard/testing';
import {
  formBody,
  signedWebhook,
  twilioInboundFixtures,
  twilioStatusFixtures,
} from '../fixtures/twilio-webhooks';
import { WebhookRecorder } from '../fixtures/webhook-recorder';
import { TwilioChannelAdapter } from './twilio-channel.adapter';
import { twilioWebhookUrls } from './twilio-webhook-urls';
import type { TwilioSecrets, TwilioSettings } from './twilio.schemas';

const ACCOUNT_SID = 'AC00000000000000000000000000c0de01';
const AUTH_TOKEN = 'c0de0000000000000000000000000001';
const SENDER = 'whatsapp:+14155238886';
const CUSTOMER = 'whatsapp:+4915112345678';
const INBOX = 'inbox-contract';

let fake: FakeTwilio;
let account: FakeTwilioAccount;
let recorder: WebhookRecorder;

function outbound(key: string): OutboundMessage {
  return {
    idempotencyKey: key,
    conversation: { id: 'conv-1', number: 1, subject: null, threadExternalIds: [] },
    recipient: { externalId: CUSTOMER, name: null, email: null, phone: null },
    sender: { name: 'Operator' },
    text: `Contract reply ${key}`,
    html: null,
    attachments: [],
  };
}

/** Fixtures (same WhatsApp sender) re-signed for this inbox's URL and account. */
function resigned(params: Record<string, string>, url: string): WebhookRequest {
  return signedWebhook({ ...params, AccountSid: ACCOUNT_SID }, { url, token: AUTH_TOKEN });
}

describeChannelContract('twilio', async () => {
  fake = await FakeTwilio.start();
  recorder = await WebhookRecorder.start();
  account = fake.addAccount({ sid: ACCOUNT_SID, authToken: AUTH_TOKEN, friendlyName: 'Acme' });
  const urls = twilioWebhookUrls(recorder.origin, INBOX);
  account.addSender(SENDER, { inboundUrl: urls.inbound });
  // Real webhooks from the fake: text, an image, a location, a button answer.
  await account.customerSays(CUSTOMER, SENDER, 'Hello from the contract kit', {
    profileName: 'Contract Kit',
  });
  await account.customerSays(CUSTOMER, SENDER, 'A photo', {
    media: [{ bytes: Buffer.from('png'), contentType: 'image/png' }],
  });
  await account.customerSays(CUSTOMER, SENDER, '', {
    location: { latitude: 52.52, longitude: 13.405, label: 'Office' },
  });
  await account.customerSays(CUSTOMER, SENDER, 'Yes', { buttonText: 'Yes', buttonPayload: 'Y' });
  const recorded = [...recorder.requests];
  const adapter = new TwilioChannelAdapter({ apiOrigin: fake.origin });
  const context = (): InboxContext<TwilioSettings, TwilioSecrets> => ({
    inboxId: INBOX,
    settings: { accountSid: ACCOUNT_SID, sender: SENDER },
    secrets: { authToken: AUTH_TOKEN },
    publicUrl: recorder.origin,
  });
  const sample = recorded[0] as WebhookRequest;
  return {
    adapter,
    teardown: async () => {
      await fake.stop();
      await recorder.stop();
    },
    context,
    validInbound: [
      ...recorded,
      resigned(twilioInboundFixtures.whatsappReply, urls.inbound),
      resigned(twilioStatusFixtures.delivered, urls.statusCallback),
      resigned(twilioStatusFixtures.failedOutsideWindow, urls.statusCallback),
    ],
    forgedInbound: [
      { ...sample, headers: { ...sample.headers, 'x-twilio-signature': undefined } },
      { ...sample, headers: { ...sample.headers, 'x-twilio-signature': 'AAAA' } },
      { ...sample, rawBody: Buffer.concat([sample.rawBody, Buffer.from('&Body=tampered')]) },
      { ...sample, url: twilioWebhookUrls(recorder.origin, 'another-inbox').inbound },
      signedWebhook(twilioInboundFixtures.whatsappText, {
        url: urls.inbound,
        token: 'f'.repeat(32),
      }),
    ],
    malformedInbound: [
      signedWebhook({}, { url: urls.inbound, token: AUTH_TOKEN, body: Buffer.from('') }),
      signedWebhook(
        {},
        { url: urls.inbound, token: AUTH_TOKEN, body: Buffer.from('{"MessageSid":"SM1"}') },
      ),
      signedWebhook(
        { From: CUSTOMER, To: SENDER, Body: 'no sid' },
        { url: urls.inbound, token: AUTH_TOKEN },
      ),
      signedWebhook(
        { ...twilioInboundFixtures.whatsappText, To: 'whatsapp:+14155550199' },
        { url: urls.inbound, token: AUTH_TOKEN },
      ),
      signedWebhook(
        { MessageStatus: 'delivered' },
        { url: urls.statusCallback, token: AUTH_TOKEN },
      ),
      { ...sample, rawBody: formBody({ MessageSid: 'not-a-sid', From: CUSTOMER, To: SENDER }) },
    ],
    outbound,
    deliveredCount: async (key) =>
      account.messages.filter((m) => m.body?.includes(key) && m.status !== 'failed').length,
    failNextSendAsUnavailable: async () =>
      account.failNext({ status: 503, code: 20503, message: 'Service Unavailable' }),
  };
});
