import type { ApiErrorDto, InboxDto, LoginResponseDto } from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  FakeTwilio,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { addColleagues } from '../../accounts/testing/colleagues';
import { conversationIn } from '../../channels/testing/channel-test-kit';

const SID = `AC${'2'.repeat(32)}`;
const TOKEN = 'c'.repeat(32);
const WHATSAPP = 'whatsapp:+14155238886';
export const ANA_PHONE = '+4915112345678';

export interface ContactsWorld {
  db: TestDatabase;
  api: TestApi;
  fake: FakeTwilio;
  admin: ApiClient;
  agent: ApiClient;
  stranger: ApiClient;
  login: LoginResponseDto;
  /** Ana wrote to Support (API, with email and phone), on WhatsApp, and to the VIP desk. */
  anaId: string;
  /** Vic wrote only to the VIP desk, which the agent may not work. */
  vicId: string;
}

export type ImportAnswer = { created: number; updated: number } & ApiErrorDto & {
    details?: { errors: { row: number; message: string }[] };
  };

/**
 * The customer-card spec's world: an admin, an agent, another account's admin; inboxes Support
 * (open), VIP desk (the admin's alone) and WhatsApp (through the fake Twilio), and two customers.
 */
export async function startContactsWorld(): Promise<ContactsWorld> {
  const db = await createTestDatabase();
  const fake = await FakeTwilio.start();
  const account = fake.addAccount({ sid: SID, authToken: TOKEN, friendlyName: 'Acme' });
  const api = await startTestApi({ databaseUrl: db.url, env: { TWILIO_API_ORIGIN: fake.origin } });
  const { client: admin, login } = await loginAs(api.baseUrl);
  const { agent, stranger } = await addColleagues(api);
  const support = await createApiInbox(admin, 'Support');
  const vip = await createApiInbox(admin, 'VIP desk');
  await admin.ok('PUT', `/api/inboxes/${vip.inbox.id}/access`, {
    operatorIds: [login.operator.id],
    teamIds: [],
  });
  const whatsapp = await admin.ok<InboxDto>('POST', '/api/inboxes', {
    kind: 'whatsapp',
    name: 'WhatsApp',
    settings: { accountSid: SID, sender: WHATSAPP },
    secrets: { authToken: TOKEN },
  });
  account.addSender(WHATSAPP, { inboundUrl: whatsapp.webhookUrl });

  const ana = { id: 'ana-1', name: 'Ana Lima', email: 'ana@example.test', phone: ANA_PHONE };
  const ok = (res: { status: number }) => {
    if (res.status !== 200) throw new Error(`A customer's message was refused: ${res.status}`);
  };
  ok(await support.customer.say('Order 17 is late', undefined, ana));
  ok(await account.customerSays(`whatsapp:${ANA_PHONE}`, WHATSAPP, 'Any news?'));
  ok(await vip.customer.say('Private matter', undefined, { ...ana, id: 'ana-vip' }));
  const vic = { id: 'vic-1', name: 'Vic Hidden', email: 'vic@example.test' };
  ok(await vip.customer.say('Only the VIP desk knows me', undefined, vic));

  const anaId = (await conversationIn(admin, support.inbox.id, 'Ana Lima')).contact.id;
  const vicId = (await conversationIn(admin, vip.inbox.id, 'Vic Hidden')).contact.id;
  await conversationIn(admin, whatsapp.id, 'Ana Lima');
  return { db, api, fake, admin, agent, stranger, login, anaId, vicId };
}

export async function stopContactsWorld(w: ContactsWorld | undefined): Promise<void> {
  await w?.api.close();
  await w?.fake.stop();
  await w?.db.drop();
}
