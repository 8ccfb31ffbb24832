import type { AuditLogEntryDto, InboxDto, Page } from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { addColleagues } from '../accounts/testing/colleagues';
import { AuditLogEntryEntity } from './entities/audit-log-entry.entity';

/** The audit log: what admins can reconstruct, who may read it, and that nothing rewrites it. */
describe('audit log', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let agent: ApiClient;
  let stranger: ApiClient;
  let inbox: InboxDto;

  const log = (client: ApiClient, query = '') =>
    client.ok<Page<AuditLogEntryDto>>('GET', `/api/audit-log${query}`);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    ({ agent, stranger } = await addColleagues(api));
    inbox = (await createApiInbox(admin, 'Billing')).inbox;
    await admin.ok('PATCH', `/api/inboxes/${inbox.id}`, {
      name: 'Billing & refunds',
      secrets: { signingSecret: 'a-new-signing-secret-0123456789' },
    });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('records inbox changes with who, from where and which fields, never secret values', async () => {
    const page = await log(admin, '?limit=50');
    const updated = page.items.find((e) => e.action === 'inbox.updated');
    const created = page.items.find((e) => e.action === 'inbox.created');
    expect(created).toMatchObject({
      actor: { label: 'admin@test.local' },
      target: { type: 'inbox', id: inbox.id, label: 'Billing' },
      ip: '127.0.0.1',
    });
    expect(updated).toMatchObject({
      target: { type: 'inbox', id: inbox.id, label: 'Billing & refunds' },
      details: { fields: ['name', 'secrets'], settings: [], secrets: ['signingSecret'] },
    });
    expect(JSON.stringify(page)).not.toContain('a-new-signing-secret');
    // Newest first.
    expect(page.items.indexOf(updated!)).toBeLessThan(page.items.indexOf(created!));
  });

  it('filters by action and pages with a keyset cursor', async () => {
    const onlyCreated = await log(admin, '?action=inbox.created');
    expect(onlyCreated.items.map((e) => e.action)).toEqual(['inbox.created']);
    const first = await log(admin, '?limit=1');
    expect(first.items).toHaveLength(1);
    const second = await log(admin, `?limit=1&cursor=${first.nextCursor}`);
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    expect((await admin.request('GET', '/api/audit-log?action=nonsense')).status).toBe(400);
  });

  it('is for admins of the account only', async () => {
    expect((await agent.request('GET', '/api/audit-log')).status).toBe(403);
    expect((await log(stranger)).items.filter((e) => e.target?.id === inbox.id)).toEqual([]);
    expect((await fetch(`${api.baseUrl}/api/audit-log`)).status).toBe(401);
  });

  it('cannot be rewritten or deleted, even with direct database access', async () => {
    const repo = api.dataSource.getRepository(AuditLogEntryEntity);
    const entry = await repo.findOneByOrFail({ action: 'inbox.created' });
    await expect(repo.update({ id: entry.id }, { actorLabel: 'someone else' })).rejects.toThrow(
      /append-only/,
    );
    await expect(repo.delete({ id: entry.id })).rejects.toThrow(/append-only/);
    expect((await repo.findOneByOrFail({ id: entry.id })).actorLabel).toBe('admin@test.local');
  });
});
