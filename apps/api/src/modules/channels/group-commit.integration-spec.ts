import type { StreamEvent } from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  RecordingOperatorSocket,
  startTestApi,
  type ApiChannelCustomer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { IngestFunctionRepository, type IngestFunctionInput } from './ingest-function.repository';

/** Webhooks arriving together share one transaction; each is answered after its commit. */
describe('inbound group commit', () => {
  let db: TestDatabase;
  let api: TestApi;
  let customer: ApiChannelCustomer;
  let token: string;
  let inbox: { id: string; accountId: string };

  const count = async (sql: string, params: unknown[]) =>
    Number(((await api.dataSource.query(sql, params)) as { n: string }[])[0]!.n);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const { client, login } = await loginAs(api.baseUrl);
    token = login.token;
    const created = await createApiInbox(client);
    customer = created.customer;
    const [row] = (await api.dataSource.query('SELECT account_id FROM inboxes WHERE id = $1', [
      created.inbox.id,
    ])) as { account_id: string }[];
    inbox = { id: created.inbox.id, accountId: row!.account_id };
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('stores a burst from new and known customers once each, many per transaction, duplicates harmless', async () => {
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, token);
    try {
      // 30 customers, their first messages included, each message delivered twice at once.
      const sends = Array.from({ length: 90 }, (_, i) => ({
        id: `burst-${i}`,
        from: { id: `burst-cust-${i % 30}`, name: `Burst ${i % 30}` },
        text: `burst message ${i}`,
      }));
      // As a provider does, a webhook refused for overload (503) is delivered again.
      const deliver = async (m: (typeof sends)[number]) => {
        for (let attempt = 0; ; attempt++) {
          const answer = await customer.say(m.text, m.id, m.from);
          if (answer.status !== 503 || attempt === 50) return answer;
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      const answers = await Promise.all([...sends, ...sends].map(deliver));
      expect(answers.filter((a) => a.status !== 200)).toEqual([]);
      const stored = answers.filter((a) => (a.body as { stored: number }).stored === 1).length;
      const duplicates = answers.filter(
        (a) => (a.body as { duplicates: number }).duplicates === 1,
      ).length;
      expect([stored, duplicates]).toEqual([90, 90]);

      const burst = "SELECT count(*) AS n FROM messages WHERE external_id LIKE 'burst-%'";
      expect(await count(burst, [])).toBe(90);
      expect(
        await count(
          `SELECT count(*) AS n FROM conversations c JOIN contact_identities i ON i.id = c.identity_id
            WHERE i.external_id LIKE 'burst-cust-%'`,
          [],
        ),
      ).toBe(30);
      // Grouped: fewer transactions than messages (an event's created_at is now(), the time its
      // transaction began; each item is a subtransaction of its own, so xmin would not tell).
      const transactions = await count(
        `SELECT count(DISTINCT created_at) AS n FROM events
          WHERE type = 'message.created' AND payload->'message'->>'text' LIKE 'burst %'`,
        [],
      );
      expect(transactions).toBeLessThan(90);

      // Every message reached the operator once, with a gap-free cursor sequence.
      const burstIds = (evs: StreamEvent[]) =>
        evs.flatMap((e) =>
          e.type === 'message.created' && e.payload.message.text?.startsWith('burst ')
            ? [e.payload.message.id]
            : [],
        );
      await socket.waitFor((evs) => burstIds(evs).length >= 90);
      const created = burstIds(socket.events);
      expect(new Set(created).size).toBe(90);
      expect(created).toHaveLength(90);
      const cursors = socket.events.map((e) => e.cursor);
      for (let i = 1; i < cursors.length; i++) expect(cursors[i]).toBe(cursors[i - 1]! + 1);
    } finally {
      socket.close();
    }
  });

  it('fails only the item that failed: its batch neighbours still commit', async () => {
    const repo = api.app.get(IngestFunctionRepository);
    const input = (n: string, accountId = inbox.accountId): IngestFunctionInput => ({
      accountId,
      inboxId: inbox.id,
      channel: 'api',
      sender: { externalId: 'lane-mate' },
      externalId: `lane-${n}`,
      text: `lane ${n}`,
      html: null,
      subject: null,
      attachments: [],
      preview: `lane ${n}`,
    });
    // One sender, so one lane: the first keeps it busy while the rest queue into one batch.
    const first = repo.ingest(input('1'));
    const unknownAccount = '00000000-0000-4000-8000-000000000000';
    const rest = [
      repo.ingest(input('2')),
      repo.ingest(input('bad', unknownAccount)),
      repo.ingest(input('3')),
      repo.ingest(input('2')),
    ];
    const settled = await Promise.allSettled([first, ...rest]);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value.kind : 'rejected'))).toEqual([
      'stored',
      'stored',
      'rejected',
      'stored',
      'duplicate',
    ]);
    expect(
      await count("SELECT count(*) AS n FROM messages WHERE external_id LIKE 'lane-%'", []),
    ).toBe(3);
    // The three that queued behind the first were written together.
    expect(
      await count(
        `SELECT count(DISTINCT created_at) AS n FROM events
          WHERE type = 'message.created' AND payload->'message'->>'text' IN ('lane 2', 'lane 3')`,
        [],
      ),
    ).toBe(1);
  });
});
