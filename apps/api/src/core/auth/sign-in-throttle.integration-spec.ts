import {
  createTestDatabase,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { createOperator } from '../../modules/accounts/create-account';
import { AccountEntity } from '../../modules/accounts/entities/account.entity';

const VICTIM = { email: 'victim@test.local', password: 'victim-password-123' };

interface Attempt {
  status: number;
  retryAfter: string | null;
  code: string | undefined;
  ms: number;
}

/**
 * Password guessing is slowed per account and per network, in PostgreSQL so every instance agrees;
 * a flood of sign-ins is bounded so it cannot starve everything else.
 */
describe('sign-in throttling', () => {
  let db: TestDatabase;
  let a: TestApi;
  let b: TestApi;
  let admin: ApiClient;

  const attempt = async (
    api: TestApi,
    email: string,
    password: string,
    ip: string,
  ): Promise<Attempt> => {
    const started = performance.now();
    const res = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ email, password }),
    });
    const body = (await res.json()) as { code?: string };
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      code: body.code,
      ms: performance.now() - started,
    };
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  let nextIp = 1;
  /** A fresh IPv4 per attempt, so only the account's counter is in play. */
  const anyIp = () => `203.0.113.${nextIp++}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = {
      LOGIN_FREE_ATTEMPTS_PER_ACCOUNT: '3',
      LOGIN_FREE_ATTEMPTS_PER_IP: '5',
      PASSWORD_HASH_CONCURRENCY: '2',
      PASSWORD_HASH_QUEUE: '4',
      // The production cost, whose CPU the bound protects (the suite's other APIs use the lowest).
      PASSWORD_HASH_MEMORY_KIB: '65536',
      PASSWORD_HASH_TIME_COST: '3',
      PASSWORD_HASH_PARALLELISM: '4',
    };
    a = await startTestApi({ databaseUrl: db.url, env });
    b = await startTestApi({ databaseUrl: db.url, env });
    admin = (await loginAs(a.baseUrl)).client;
    const [account] = await a.dataSource.getRepository(AccountEntity).find({ take: 1 });
    await a.dataSource.transaction((em) =>
      createOperator(em, account!.id, { ...VICTIM, name: 'Victor Victim', role: 'agent' }),
    );
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('delays an account after its free attempts (1 s, then 2 s) with 429 + Retry-After on every instance; a success resets it', async () => {
    for (let i = 0; i < 3; i++)
      expect((await attempt(a, VICTIM.email, 'wrong', anyIp())).status).toBe(401);
    // Blocked everywhere, whatever the password: no oracle while blocked.
    const blocked = await attempt(b, VICTIM.email.toUpperCase(), VICTIM.password, anyIp());
    expect(blocked).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfter: '1' });

    await sleep(1_100);
    expect((await attempt(b, VICTIM.email, 'wrong', anyIp())).status).toBe(401);
    expect(await attempt(a, VICTIM.email, VICTIM.password, anyIp())).toMatchObject({
      status: 429,
      retryAfter: '2',
    });

    await sleep(2_100);
    expect((await attempt(a, VICTIM.email, VICTIM.password, anyIp())).status).toBe(200);
    // The run starts over: two more failures are still free.
    expect((await attempt(b, VICTIM.email, 'wrong', anyIp())).status).toBe(401);
    expect((await attempt(b, VICTIM.email, 'wrong', anyIp())).status).toBe(401);
    expect((await attempt(a, VICTIM.email, VICTIM.password, anyIp())).status).toBe(200);
  });

  it('counts an IPv6 caller by its /64, whichever addresses and emails it uses; other networks are unaffected', async () => {
    for (let i = 1; i <= 5; i++) {
      const guess = await attempt(
        i % 2 ? a : b,
        `guess-${i}@test.local`,
        'wrong',
        `2001:db8:7:1::${i}`,
      );
      expect(guess.status).toBe(401);
    }
    const sameNet = await attempt(b, VICTIM.email, VICTIM.password, '2001:db8:7:1:ffff:1:2:3');
    expect(sameNet).toMatchObject({ status: 429, retryAfter: '1' });
    expect((await attempt(a, VICTIM.email, VICTIM.password, '2001:db8:7:2::1')).status).toBe(200);

    // A success from the network does not clear its count (one valid account must not unlock
    // guessing): the next failure there is its sixth, and earns 2 s.
    await sleep(1_100);
    expect((await attempt(a, VICTIM.email, VICTIM.password, '2001:db8:7:1::9')).status).toBe(200);
    expect((await attempt(b, 'guess-6@test.local', 'wrong', '2001:db8:7:1::6')).status).toBe(401);
    expect(await attempt(a, 'guess-7@test.local', 'wrong', '2001:db8:7:1::7')).toMatchObject({
      status: 429,
      retryAfter: '2',
    });
  });

  it('bounds the password hashes of a sign-in flood: the excess gets 503 + Retry-After at once, others stay fast', async () => {
    const flood = Array.from({ length: 40 }, (_, i) =>
      attempt(a, `flood-${i}@test.local`, 'wrong', `198.18.${i}.1`),
    );
    const during: Array<{ path: string; status: number; ms: number }> = [];
    const probe = async (path: string) => {
      const started = performance.now();
      const res = await fetch(`${a.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${admin.token}` },
      });
      during.push({ path, status: res.status, ms: performance.now() - started });
    };
    await sleep(20);
    for (let i = 0; i < 3; i++) {
      await Promise.all([probe('/api/health'), probe('/api/auth/me')]);
      await sleep(50);
    }
    const results = await Promise.all(flood);

    const shed = results.filter((r) => r.status === 503);
    const checked = results.filter((r) => r.status === 401);
    expect(shed.length + checked.length).toBe(40);
    // 2 hashing + 4 queued at a time: a burst is turned away beyond that. How many of the 40
    // arrive while earlier hashes are still running depends on this machine's load (9-34 seen;
    // a loaded CI spreads the arrivals out), so only the gate's presence is asserted here: without
    // it none would be shed at all. Its exact capacity is proven in bounded-concurrency.spec.ts.
    expect(shed.length).toBeGreaterThanOrEqual(1);
    expect(checked.length).toBeGreaterThanOrEqual(6);
    for (const r of shed) expect(r).toMatchObject({ code: 'OVERLOADED', retryAfter: '2' });
    // Refused at once, not after waiting for a hash: compared with the admitted attempts rather
    // than with a clock budget, since this machine's load varies.
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    expect(median(shed.map((r) => r.ms))).toBeLessThan(median(checked.map((r) => r.ms)));
    // Everything else kept answering while the flood was being hashed, not after it.
    expect(during.map((d) => d.status)).toEqual(Array(6).fill(200));
    expect(median(during.map((d) => d.ms))).toBeLessThan(median(checked.map((r) => r.ms)));
  });
});
