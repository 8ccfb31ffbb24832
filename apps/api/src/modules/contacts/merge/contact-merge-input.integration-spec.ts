import { randomUUID } from 'node:crypto';
import type { ContactMergeDto, ConversationSummaryDto, Page } from '@switchboard/contracts';
import {
  ApiChannelCustomer,
  createApiInbox,
  createTestDatabase,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { addColleagues } from '../../accounts/testing/colleagues';
import { ContactEntity } from '../entities/contact.entity';
import { ContactMergeEntity } from './entities/contact-merge.entity';
import { stateOf } from './testing/merge-fixtures';

/**
 * Contact merges under bad input and under contention: every refusal is a clear 4xx that changes
 * nothing, and two operators merging the same two contacts crossways (while the customers keep
 * writing) end with one merge, no deadlock and nothing lost.
 */
describe('contact merge: refusals and crossways merges', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let agent: ApiClient;
  let stranger: ApiClient;
  let inboxId: string;
  let signingSecret: string;
  let strangerContact: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    ({ agent, stranger } = await addColleagues(api));
    ({
      inbox: { id: inboxId },
      signingSecret,
    } = await createApiInbox(admin, 'Support'));
    const theirs = await createApiInbox(stranger, 'Theirs');
    await theirs.customer.say('Hello from another company');
    const page = await stranger.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations');
    strangerContact = page.items[0]!.contact.id;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  /** A customer who wrote once; their contact id and a way to write again. */
  async function customer(name: string) {
    const c = new ApiChannelCustomer(api.baseUrl, inboxId, signingSecret, {
      id: `cust-${randomUUID()}`,
      name,
    });
    expect((await c.say(`Hello, ${name} here`)).status).toBe(200);
    const contact = await api.dataSource.getRepository(ContactEntity).findOneByOrFail({ name });
    return { id: contact.id, say: (text: string) => c.say(text) };
  }

  const merge = (client: ApiClient, survivor: string, body: unknown) =>
    client.request<ContactMergeDto & { code?: string }>(
      'POST',
      `/api/contacts/${survivor}/merge`,
      body,
    );

  it('refuses bad merges with a clear reason and changes nothing', async () => {
    const a = await customer('Refused A');
    const b = await customer('Refused B');
    const before = await stateOf(api.dataSource, [a.id, b.id]);
    const refusals: Array<[Promise<{ status: number; body: unknown }>, number, string]> = [
      [merge(admin, a.id, { otherId: a.id, confirm: true }), 422, 'INVALID_CONTACT_MERGE'],
      [merge(admin, a.id, { otherId: b.id }), 422, 'INVALID_CONTACT_MERGE'],
      [merge(admin, a.id, { otherId: b.id, confirm: false }), 422, 'INVALID_CONTACT_MERGE'],
      [merge(admin, a.id, { otherId: 'not-a-uuid', confirm: true }), 400, 'VALIDATION_FAILED'],
      [
        merge(admin, a.id, { otherId: b.id, confirm: true, picks: { shoeSize: 'other' } }),
        400,
        'VALIDATION_FAILED',
      ],
      [merge(admin, a.id, { otherId: strangerContact, confirm: true }), 404, 'NOT_FOUND'],
      [merge(admin, strangerContact, { otherId: a.id, confirm: true }), 404, 'NOT_FOUND'],
      [merge(stranger, a.id, { otherId: b.id, confirm: true }), 404, 'NOT_FOUND'],
      [merge(admin, randomUUID(), { otherId: b.id, confirm: true }), 404, 'NOT_FOUND'],
      [admin.request('GET', `/api/contacts/${a.id}/merge-preview`), 400, 'VALIDATION_FAILED'],
      [
        admin.request('GET', `/api/contacts/${a.id}/merge-preview?other=${a.id}`),
        422,
        'INVALID_CONTACT_MERGE',
      ],
      [
        admin.request('GET', `/api/contacts/${a.id}/merge-preview?other=${strangerContact}`),
        404,
        'NOT_FOUND',
      ],
      [
        stranger.request('GET', `/api/contacts/${a.id}/merge-preview?other=${b.id}`),
        404,
        'NOT_FOUND',
      ],
      [stranger.request('GET', `/api/contacts/${a.id}/merge-suggestions`), 404, 'NOT_FOUND'],
      [stranger.request('GET', `/api/contacts/${a.id}/merges`), 404, 'NOT_FOUND'],
    ];
    const wrong: string[] = [];
    for (const [i, [call, status, code]] of refusals.entries()) {
      const res = await call;
      const body = res.body as { code?: string; message?: string };
      if (res.status !== status || body.code !== code || !body.message)
        wrong.push(`#${i}: ${res.status} ${JSON.stringify(body)}`);
    }
    expect(wrong).toEqual([]);
    expect(await stateOf(api.dataSource, [a.id, b.id])).toEqual(before);
    expect(await api.dataSource.getRepository(ContactMergeEntity).count()).toBe(0);
  });

  it('refuses retired contacts, late or unauthorised undos, and undos out of order', async () => {
    const a = await customer('Chain A');
    const b = await customer('Chain B');
    const c = await customer('Chain C');
    const first = await merge(admin, a.id, { otherId: b.id, confirm: true });
    expect(first.status).toBe(200);

    const retired = await stateOf(api.dataSource, [a.id, b.id, c.id]);
    for (const res of [
      await merge(admin, c.id, { otherId: b.id, confirm: true }),
      await merge(admin, b.id, { otherId: c.id, confirm: true }),
      await admin.request('GET', `/api/contacts/${c.id}/merge-preview?other=${b.id}`),
    ])
      expect(res).toMatchObject({ status: 409, body: { code: 'CONTACT_ALREADY_MERGED' } });

    const undo = (client: ApiClient, id: string) =>
      client.request<{ code?: string }>('POST', `/api/contact-merges/${id}/undo`);
    expect(await undo(agent, first.body.id)).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect(await undo(stranger, first.body.id)).toMatchObject({ status: 404 });
    expect(await undo(admin, randomUUID())).toMatchObject({ status: 404 });
    // The agent sees the merge but may not undo it.
    const seen = await agent.ok<ContactMergeDto[]>('GET', `/api/contacts/${a.id}/merges`);
    expect(seen).toEqual([expect.objectContaining({ id: first.body.id, canUndo: false })]);
    expect(await stateOf(api.dataSource, [a.id, b.id, c.id])).toEqual(retired);

    // The survivor merged again since: the later merge must be undone first.
    const second = await merge(agent, c.id, { otherId: a.id, confirm: true });
    expect(second.status).toBe(200);
    expect(await undo(admin, first.body.id)).toMatchObject({
      status: 409,
      body: { code: 'MERGE_UNDO_UNAVAILABLE' },
    });
    expect((await undo(admin, second.body.id)).status).toBe(200);
    expect((await undo(admin, first.body.id)).status).toBe(200);

    // Past 30 days a merge stays.
    const late = await merge(admin, a.id, { otherId: b.id, confirm: true });
    await api.dataSource
      .getRepository(ContactMergeEntity)
      .update(late.body.id, { createdAt: new Date(Date.now() - 31 * 24 * 3600 * 1000) });
    const kept = await stateOf(api.dataSource, [a.id, b.id]);
    const tooLate = await undo(admin, late.body.id);
    expect(tooLate).toMatchObject({ status: 409, body: { code: 'MERGE_UNDO_UNAVAILABLE' } });
    expect(await stateOf(api.dataSource, [a.id, b.id])).toEqual(kept);
  });

  it('two operators merging the same contacts crossways end with one merge and lose nothing', async () => {
    for (let round = 0; round < 4; round++) {
      const a = await customer(`Cross A${round}`);
      const b = await customer(`Cross B${round}`);
      const [one, two] = await Promise.all([
        merge(admin, a.id, { otherId: b.id, confirm: true }),
        merge(agent, b.id, { otherId: a.id, confirm: true }),
        a.say('Writing while they merge'),
        b.say('Me too'),
      ]);
      const statuses = [one.status, two.status].sort();
      expect(statuses).toEqual([200, 409]);
      const survivor = one.status === 200 ? a.id : b.id;
      const retiredId = survivor === a.id ? b.id : a.id;
      const state = await stateOf(api.dataSource, [a.id, b.id]);
      expect(state.identities).toHaveLength(2);
      expect(state.identities.every((i) => i.contactId === survivor)).toBe(true);
      expect(state.conversations.every((c) => c.contactId === survivor)).toBe(true);
      // Two greetings and two messages written during the merge, all kept.
      expect(state.messages).toHaveLength(4);
      expect(state.contacts.find((c) => c.id === retiredId)?.mergedIntoId).toBe(survivor);
      expect(
        await api.dataSource.getRepository(ContactMergeEntity).countBy({ survivorId: survivor }),
      ).toBe(1);
    }
  });
});
