import type { InboxContext, OutboundMessage, WebhookRequest } from '@switchboard/channels-core';
import { describeChannelContract } from '@switchboard/channels-core/testing';
import {
  FakeBotApi,
  telegramFixtures,
  type FakeBot,
  type FakeTelegramUser,
} from '@switchboard/testing';
import { TelegramChannelAdapter } from './telegram-channel.adapter';
import type { TelegramSecrets, TelegramSettings } from './telegram.schemas';

const TOKEN = '700100:AAFakeToken_for-the-contract-kit-0001';
const SECRET = 'webhook-secret_0123456789';

function webhook(body: unknown, secret: string | null = SECRET): WebhookRequest {
  return {
    method: 'POST',
    url: 'https://support.example.test/api/webhooks/inbox-1',
    headers: secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret },
    rawBody: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
  };
}

function outbound(
  key: string,
  chatId: number,
  text: string,
  extra: Partial<OutboundMessage> = {},
): OutboundMessage {
  return {
    idempotencyKey: key,
    conversation: { id: 'conv-1', number: 1, subject: null, threadExternalIds: [] },
    recipient: { externalId: String(chatId), name: null, email: null, phone: null },
    sender: { name: 'Operator' },
    text,
    html: null,
    attachments: [],
    ...extra,
  };
}

const customer: FakeTelegramUser = { id: 5001, first_name: 'Contract', username: 'contract_kit' };
let contractFake: FakeBotApi;
let contractBot: FakeBot;

describeChannelContract('telegram', async () => {
  contractFake = await FakeBotApi.start();
  contractBot = contractFake.addBot({
    token: TOKEN,
    username: 'acme_support_bot',
    firstName: 'Acme',
  });
  await contractBot.privateText(customer, 'hello'); // Telegram only knows chats that wrote first
  const adapter = new TelegramChannelAdapter({ apiRoot: contractFake.apiRoot });
  const context = (): InboxContext<TelegramSettings, TelegramSecrets> => ({
    inboxId: 'inbox-1',
    settings: {},
    secrets: { botToken: TOKEN, webhookSecret: SECRET },
    publicUrl: 'http://127.0.0.1',
  });
  return {
    adapter,
    teardown: () => contractFake.stop(),
    context,
    validInbound: Object.values(telegramFixtures).map((update) => webhook(update)),
    forgedInbound: [
      webhook(telegramFixtures.privateTextWithEntities, 'wrong-secret-0123456789'),
      webhook(telegramFixtures.privateTextWithEntities, SECRET.slice(0, -1)),
      webhook(telegramFixtures.privateTextWithEntities, null),
    ],
    malformedInbound: [
      webhook('not json {'),
      webhook('[1,2]'),
      webhook('null'),
      webhook({ message: { text: 'no update id' } }),
      webhook({ update_id: 'seven' }),
      webhook({ update_id: 1.5 }),
    ],
    outbound: (key) => outbound(key, customer.id, `Contract reply ${key}`),
    deliveredCount: async (key) => contractBot.sent.filter((m) => m.text?.includes(key)).length,
    failNextSendAsUnavailable: async () =>
      contractBot.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' }),
  };
});
