/**
 * What an integrator writes against the generated types: TypeScript source, type-checked against
 * the `schema.d.ts` generated from the live document, then run against the live API. Every body
 * and error it touches is typed by the document, so a missing or wrong response schema fails to
 * compile here. Kept as text: it imports `./schema`, which exists only in the test's temp dir.
 */
export const INTEGRATOR_PROGRAM = `
import { createHmac } from 'node:crypto';
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

type ApiError = components['schemas']['ApiError'];

export interface Observed {
  operatorEmail: string;
  inboundUrl: string;
  delivered: { received: number; stored: number; duplicates: number };
  conversation: { id: string; number: number; status: 'open' | 'snoozed' | 'closed'; contactName: string | null };
  messages: Array<{ text: string | null; direction: string }>;
  reply: { id: string; text: string | null };
  forged: { status: number; error: ApiError | undefined };
  missing: { status: number; error: ApiError | undefined };
  invalid: { status: number; error: ApiError | undefined };
}

export async function run(baseUrl: string, email: string, password: string): Promise<Observed> {
  const anonymous = createClient<paths>({ baseUrl });
  const signIn = await anonymous.POST('/api/auth/login', { body: { email, password } });
  if (!signIn.data || !('token' in signIn.data)) throw new Error('sign-in: ' + signIn.response.status);
  const client = createClient<paths>({
    baseUrl,
    headers: { Authorization: 'Bearer ' + signIn.data.token },
  });

  const secret = 'integrator-signing-secret-0123456789';
  const created = await client.POST('/api/inboxes', {
    body: { kind: 'api', name: 'Integrator', settings: {}, secrets: { signingSecret: secret } },
  });
  if (!created.data) throw new Error('create inbox: ' + created.response.status);
  const inboxId: string = created.data.id;

  // The signature recipe of the document, as an integrator follows it.
  const deliver = (body: string, signWith: string) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature =
      'sha256=' + createHmac('sha256', signWith).update(timestamp + '.' + body).digest('hex');
    return anonymous.POST('/api/webhooks/{inboxId}', {
      params: {
        path: { inboxId },
        header: { 'X-Switchboard-Timestamp': timestamp, 'X-Switchboard-Signature': signature },
      },
      body: JSON.parse(body),
      bodySerializer: () => body,
    });
  };
  const inbound = JSON.stringify({
    messages: [{ id: 'order-7-q1', from: { id: 'customer-7', name: 'Ada' }, text: 'Where is my order?' }],
  });
  const delivered = await deliver(inbound, secret);
  if (!delivered.data) throw new Error('inbound webhook: ' + delivered.response.status);
  const forged = await deliver(inbound, 'not-the-secret-at-all');

  const listed = await client.GET('/api/conversations', {
    params: { query: { status: 'open', inboxId } },
  });
  const summary = listed.data?.items[0];
  if (!summary) throw new Error('no conversation listed: ' + listed.response.status);
  const detail = await client.GET('/api/conversations/{id}', {
    params: { path: { id: summary.id } },
  });
  if (!detail.data) throw new Error('conversation: ' + detail.response.status);

  const sent = await client.POST('/api/conversations/{id}/messages', {
    params: { path: { id: summary.id } },
    body: { text: 'It ships today.' },
  });
  if (!sent.data) throw new Error('reply: ' + sent.response.status);
  const thread = await client.GET('/api/conversations/{id}/messages', {
    params: { path: { id: summary.id } },
  });

  const missing = await client.GET('/api/conversations/{id}', {
    params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
  });
  const invalid = await client.POST('/api/conversations/{id}/snooze', {
    params: { path: { id: summary.id } },
    body: { until: 'not a date' },
  });

  return {
    operatorEmail: signIn.data.operator.email,
    inboundUrl: created.data.webhookUrl,
    delivered: {
      received: delivered.data.received,
      stored: delivered.data.stored,
      duplicates: delivered.data.duplicates,
    },
    conversation: {
      id: detail.data.id,
      number: detail.data.number,
      status: detail.data.status,
      contactName: detail.data.contactCard.name,
    },
    messages: (thread.data?.items ?? []).map((m) => ({ text: m.text, direction: m.direction })),
    reply: { id: sent.data.id, text: sent.data.text },
    forged: { status: forged.response.status, error: forged.error },
    missing: { status: missing.response.status, error: missing.error },
    invalid: { status: invalid.response.status, error: invalid.error },
  };
}
`;

/** The same client misusing a response: must not compile, or the types say nothing. */
export const MISTYPED_PROGRAM = `
import createClient from 'openapi-fetch';
import type { paths } from './schema';

export async function run(baseUrl: string): Promise<number> {
  const client = createClient<paths>({ baseUrl });
  const { data } = await client.GET('/api/conversations', { params: { query: {} } });
  const wrong: string = data?.items[0]?.number ?? '';
  return data?.items[0]?.noSuchField ?? wrong.length;
}
`;
