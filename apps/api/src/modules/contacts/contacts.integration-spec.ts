import type {
  ApiErrorDto,
  ContactAttributeDto,
  ContactConversationDto,
  ContactDto,
  ContactListItemDto,
  ConversationSummaryDto,
  LoginResponseDto,
  Page,
} from '@switchboard/contracts';
import type { ApiClient, TestApi } from '@switchboard/testing';
import { ContactEntity } from './entities/contact.entity';
import {
  ANA_PHONE,
  startContactsWorld,
  stopContactsWorld,
  type ContactsWorld,
  type ImportAnswer,
} from './testing/contacts-world';

/**
 * The customer card and the Contacts screen over REST with real PostgreSQL: one card across the
 * API channel and WhatsApp, conversations limited by inbox access, edits with typed custom
 * attributes (a wrong type changes nothing), the feed's attribute filter, keyset pages and search,
 * CSV export and import (quotes, line breaks, unicode, formula cells, errors by row), and another
 * account's contact as 404.
 */
describe('contacts', () => {
  let world: ContactsWorld;
  let api: TestApi;
  let admin: ApiClient;
  let agent: ApiClient;
  let stranger: ApiClient;
  let login: LoginResponseDto;
  let anaId: string;
  let vicId: string;

  const card = (client: ApiClient, id: string) =>
    client.request<ContactDto>('GET', `/api/contacts/${id}`);
  const contactCount = () => api.dataSource.getRepository(ContactEntity).count();
  const csvPost = (client: ApiClient, text: string, type = 'text/csv') =>
    client.request<ImportAnswer>('POST', '/api/contacts/import', text, { 'content-type': type });
  /** The body as sent, byte-order mark included (Response.text() would drop it). */
  const exportText = async (res: Response) =>
    new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());

  beforeAll(async () => {
    world = await startContactsWorld();
    ({ api, admin, agent, stranger, login, anaId, vicId } = world);
  });

  afterAll(() => stopContactsWorld(world));

  it('shows one card across channels, with the conversations each viewer may see', async () => {
    const res = await card(admin, anaId);
    expect(res.status).toBe(200);
    const ana = res.body;
    expect(ana).toMatchObject({ name: 'Ana Lima', email: 'ana@example.test', phone: ANA_PHONE });
    expect(ana.identities.map((i) => `${i.channel}:${i.inboxName}`).sort()).toEqual([
      'api:Support',
      'api:VIP desk',
      'whatsapp:WhatsApp',
    ]);
    expect(ana.identities.find((i) => i.channel === 'whatsapp')?.country).toBe('DE');
    expect(ana.countries).toEqual(['DE']);
    expect(Date.parse(ana.lastSeenAt!)).toBeGreaterThanOrEqual(Date.parse(ana.createdAt));

    const all = await admin.ok<Page<ContactConversationDto>>(
      'GET',
      `/api/contacts/${anaId}/conversations`,
    );
    expect(all.items.map((c) => c.inboxName).sort()).toEqual(['Support', 'VIP desk', 'WhatsApp']);
    expect(all.items[0]).toMatchObject({ status: 'open', number: expect.any(Number) });
    // Keyset pages: one at a time, every conversation once.
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: Page<ContactConversationDto> = await admin.ok(
        'GET',
        `/api/contacts/${anaId}/conversations?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    }
    expect(seen.sort()).toEqual(all.items.map((c) => c.id).sort());

    // The agent may not work the VIP desk: Ana's VIP conversation is not listed, Vic not found.
    const mine = await agent.ok<Page<ContactConversationDto>>(
      'GET',
      `/api/contacts/${anaId}/conversations`,
    );
    expect(mine.items.map((c) => c.inboxName).sort()).toEqual(['Support', 'WhatsApp']);
    expect((await card(agent, vicId)).status).toBe(404);
    expect((await agent.request('GET', `/api/contacts/${vicId}/conversations`)).status).toBe(404);
    expect((await agent.request('PATCH', `/api/contacts/${vicId}`, { notes: 'x' })).status).toBe(
      404,
    );
    // Another account's contact does not exist; nor does a malformed id or a bad cursor.
    expect((await card(stranger, anaId)).status).toBe(404);
    expect((await stranger.request('PATCH', `/api/contacts/${anaId}`, { notes: 'x' })).status).toBe(
      404,
    );
    expect((await admin.request('GET', '/api/contacts/not-an-id')).status).toBe(404);
    expect(
      (await admin.request('GET', `/api/contacts/${anaId}/conversations?cursor=zzz`)).status,
    ).toBe(400);
  });

  it('lets admins define attributes, edits the card, and refuses a wrong type changing nothing', async () => {
    const define = (client: ApiClient, body: object) =>
      client.request<ContactAttributeDto & ApiErrorDto>('POST', '/api/contact-attributes', body);
    expect((await define(agent, { key: 'plan', label: 'Plan', type: 'text' })).status).toBe(403);
    expect(
      (
        await define(admin, {
          key: 'plan',
          label: 'Plan',
          type: 'list',
          options: ['gold', 'silver'],
        })
      ).status,
    ).toBe(201);
    expect((await define(admin, { key: 'seats', label: 'Seats', type: 'number' })).status).toBe(
      201,
    );
    expect((await define(admin, { key: 'renewal', label: 'Renewal', type: 'date' })).status).toBe(
      201,
    );
    expect((await define(admin, { key: 'vip', label: 'VIP', type: 'boolean' })).status).toBe(201);
    expect((await define(admin, { key: 'motto', label: 'Motto', type: 'text' })).status).toBe(201);
    expect((await define(admin, { key: 'plan', label: 'Again', type: 'text' })).status).toBe(409);
    expect((await define(admin, { key: 'Bad Key', label: 'x', type: 'text' })).status).toBe(400);
    expect(
      (await define(admin, { key: 'tier', label: 'Tier', type: 'list', options: [] })).status,
    ).toBe(400);
    const defs = await agent.ok<ContactAttributeDto[]>('GET', '/api/contact-attributes');
    expect(defs.map((d) => d.key)).toEqual(['plan', 'seats', 'renewal', 'vip', 'motto']);

    const edited = await agent.request<ContactDto>('PATCH', `/api/contacts/${anaId}`, {
      notes: 'Prefers WhatsApp.\nCall after 5 pm.',
      attributes: { plan: 'gold', seats: 5, renewal: '2027-02-28', vip: true },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.attributes).toEqual({
      plan: 'gold',
      seats: 5,
      renewal: '2027-02-28',
      vip: true,
    });
    expect(edited.body.notes).toBe('Prefers WhatsApp.\nCall after 5 pm.');

    for (const [attributes, named] of [
      [{ seats: 'five' }, 'seats'],
      [{ renewal: '2027-02-30' }, 'renewal'],
      [{ plan: 'platinum' }, 'plan'],
      [{ vip: 'yes' }, 'vip'],
      [{ shoe_size: 44 }, 'shoe_size'],
    ] as const) {
      const refused = await agent.request<ApiErrorDto>('PATCH', `/api/contacts/${anaId}`, {
        notes: 'must not be stored',
        attributes,
      });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('INVALID_ATTRIBUTE_VALUE');
      expect(refused.body.message).toContain(`"${named}"`);
    }
    const phone = await agent.request<ApiErrorDto>('PATCH', `/api/contacts/${anaId}`, {
      phone: 'call me maybe',
    });
    expect(phone.status).toBe(400);
    expect(phone.body.message).toContain('phone');
    const after = (await card(admin, anaId)).body;
    expect(after.notes).toBe('Prefers WhatsApp.\nCall after 5 pm.');
    expect(after.attributes).toEqual(edited.body.attributes);
    expect(after.phone).toBe(ANA_PHONE);
    // null clears one value; a phone in another spelling is stored as E.164.
    const cleared = await agent.ok<ContactDto>('PATCH', `/api/contacts/${anaId}`, {
      phone: '0049 151 1234 5678',
      attributes: { vip: null },
    });
    expect(cleared.attributes).toEqual({ plan: 'gold', seats: 5, renewal: '2027-02-28' });
    expect(cleared.phone).toBe(ANA_PHONE);
  });

  it('filters the feed by attribute values, typed or as text', async () => {
    const names = async (query: string) => {
      const page = await admin.ok<Page<ConversationSummaryDto>>(
        'GET',
        `/api/conversations?status=open&${query}`,
      );
      return [...new Set(page.items.map((c) => c.contact.name))];
    };
    expect(await names('attr=plan:gold')).toEqual(['Ana Lima']);
    expect(await names('attr=plan:gold&attr=seats:5')).toEqual(['Ana Lima']);
    expect(await names('attr=seats:6')).toEqual([]);
    expect(await names('attr=plan:silver')).toEqual([]);
    expect((await names('attr=renewal:2027-02-28')).length).toBe(1);
    // The counts follow the same filter; access still applies (the agent sees 2 of Ana's 3).
    const counts = await agent.ok<{ open: number }>(
      'GET',
      '/api/conversations/counts?attr=plan:gold',
    );
    expect(counts.open).toBe(2);
    // A filter without a usable key asks for nothing; hostile text is only a parameter.
    expect((await names("attr=:gold&attr=x'%3B--:1")).length).toBeGreaterThan(1);
  });

  it('creates contacts (dedupe 409), pages them by keyset and searches name, email and phone digits', async () => {
    for (let n = 1; n <= 5; n++)
      await admin.ok('POST', '/api/contacts', {
        name: `Page Person ${n}`,
        email: `page${n}@example.test`,
      });
    const dupe = await agent.request<ApiErrorDto & { details: { contactId: string } }>(
      'POST',
      '/api/contacts',
      {
        name: 'Someone',
        phone: '+49 151 12345678',
      },
    );
    expect(dupe.status).toBe(409);
    expect(dupe.body.message).toContain('Ana Lima');
    expect(dupe.body.details.contactId).toBe(anaId);
    expect(
      (await admin.request('POST', '/api/contacts', { email: 'PAGE1@example.test' })).status,
    ).toBe(409);
    expect((await admin.request('POST', '/api/contacts', { notes: 'nobody' })).status).toBe(400);

    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: Page<ContactListItemDto> = await admin.ok(
        'GET',
        `/api/contacts?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await contactCount());
    const first = await admin.ok<Page<ContactListItemDto>>('GET', '/api/contacts?limit=1');
    expect(first.items[0]!.name).toBe('Page Person 5'); // newest first

    const search = async (client: ApiClient, q: string) =>
      (
        await client.ok<Page<ContactListItemDto>>('GET', `/api/contacts?q=${encodeURIComponent(q)}`)
      ).items.map((c) => c.name);
    expect(await search(admin, 'lima')).toEqual(['Ana Lima']);
    expect(await search(admin, 'page3@')).toEqual(['Page Person 3']);
    expect(await search(admin, '151 1234')).toEqual(['Ana Lima']);
    expect(await search(admin, '%')).toEqual([]);
    expect(
      (
        await admin.ok<Page<ContactListItemDto>>('GET', '/api/contacts?q=Ana')
      ).items[0]!.channels.sort(),
    ).toEqual(['api', 'whatsapp']);
    // The agent's list leaves out Vic (known only to the VIP desk) but keeps hand-made contacts.
    expect(await search(agent, 'Vic')).toEqual([]);
    expect(await search(admin, 'Vic')).toEqual(['Vic Hidden']);
    expect(await search(agent, 'Page Person 2')).toEqual(['Page Person 2']);
  });

  it('exports CSV safely and imports it back unchanged (quotes, line breaks, unicode, formulas)', async () => {
    const tricky = await admin.ok<ContactDto>('POST', '/api/contacts', {
      name: 'Zoë "Z" O\'Neil, Jr.',
      email: 'zoe@example.test',
      notes: 'Line one\r\nLine two, with "quotes"\nمرحبا 👋',
      attributes: { motto: '=HYPERLINK("http://evil.test","click")', seats: -3 },
    });
    expect((await agent.request('GET', '/api/contacts/export')).status).toBe(403);
    const res = await fetch(`${api.baseUrl}/api/contacts/export`, {
      headers: { authorization: `Bearer ${login.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await exportText(res);
    expect(
      csv.startsWith('\uFEFFid,name,email,phone,notes,plan,seats,renewal,vip,motto,created_at\r\n'),
    ).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect(csv).toContain(`"Zoë ""Z"" O'Neil, Jr."`);
    expect(csv).toContain(`'${ANA_PHONE}`); // a leading + is a formula to a spreadsheet
    expect(csv.split('\r\n').filter(Boolean).length - 1).toBeGreaterThanOrEqual(
      await contactCount(),
    );

    const before = await contactCount();
    const back = await csvPost(admin, csv);
    expect(back.status).toBe(201);
    expect(back.body).toEqual({ created: 0, updated: before });
    expect(await contactCount()).toBe(before);
    const again = await exportText(
      await fetch(`${api.baseUrl}/api/contacts/export`, {
        headers: { authorization: `Bearer ${login.token}` },
      }),
    );
    expect(again).toBe(csv);
    const zoe = (await card(admin, tricky.id)).body;
    expect(zoe).toMatchObject({
      name: tricky.name,
      notes: tricky.notes,
      attributes: tricky.attributes,
    });
  });

  it('imports new and matched contacts, or refuses the whole file with errors by row', async () => {
    const before = await contactCount();
    const refused = await csvPost(
      admin,
      [
        'name,email,phone,seats,vip',
        'Good Row,good@example.test,,1,yes',
        'Bad Seats,bad@example.test,,many,no',
        'Bad Phone,,12,,',
        '"Multi\nLine",ml@example.test,,2,true',
        'Twin,good@example.test,,,',
      ].join('\n'),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('INVALID_IMPORT');
    expect(refused.body.details!.errors.map((e) => e.row)).toEqual([3, 4, 7]);
    expect(refused.body.details!.errors[0]!.message).toContain('"seats"');
    expect(await contactCount()).toBe(before);

    expect((await csvPost(admin, 'name,shoe\nX,1')).body.details!.errors[0]).toEqual({
      row: 1,
      message: 'Unknown column "shoe"',
    });
    expect((await csvPost(admin, 'name\n"never closed')).status).toBe(422);
    expect((await csvPost(admin, 'name\nX', 'application/octet-stream')).status).toBe(415);
    expect((await csvPost(admin, `name\n${'x'.repeat(3 * 1024 * 1024)}`)).status).toBe(413);
    expect((await csvPost(agent, 'name\nX')).status).toBe(403);

    const ok = await csvPost(
      admin,
      'name,email,phone,seats,vip,plan\r\nNew Person,new@example.test,,7,yes,silver\r\n,ANA@example.test,,9,,\r\n',
    );
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ created: 1, updated: 1 });
    const ana = (await card(admin, anaId)).body;
    expect(ana.name).toBe('Ana Lima'); // an empty cell keeps the stored value
    expect(ana.attributes).toMatchObject({ plan: 'gold', seats: 9 });
    const created = await admin.ok<Page<ContactListItemDto>>(
      'GET',
      '/api/contacts?q=new%40example',
    );
    expect((await card(admin, created.items[0]!.id)).body.attributes).toEqual({
      seats: 7,
      vip: true,
      plan: 'silver',
    });
  });
});
