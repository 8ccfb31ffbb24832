import type { InvitationDto, LoginResponseDto } from '@switchboard/contracts';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

const AGENT = { email: 'vera@example.test', password: 'vera-password-1' };
const IVAN = 'Иван Петров';
const RUSSIAN = 'Пришлите, пожалуйста, счета за октябрь';
const BULGARIAN = 'Къде е поръчката ми? Чакам от седмица.';
const ARABIC = 'متى يصل الطلب الخاص بي؟';
/** More than one page of the timeline (50) comes after the matching messages. */
const LATER_MESSAGES = 60;

/**
 * Search over all history in the browser: a Russian, a Bulgarian and an Arabic word find a
 * conversation closed a year ago, with the matching words marked; a result opens the
 * conversation scrolled to that message, far older than the timeline's first page, and outlined.
 * A refused search says why; an agent without access to the inbox finds nothing.
 */
describe('inbox: search over all history', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  let agent: InboxPage | undefined;

  const search = async (page: InboxPage, text: string) => {
    await page.page.fill('[data-testid=feed-search]', text);
    await page.page.press('[data-testid=feed-search]', 'Enter');
  };
  const ivanRow = (page: InboxPage) =>
    page.page.locator('[data-testid=feed-row]').filter({ hasText: IVAN });
  const markedIn = (page: InboxPage) =>
    ivanRow(page).locator('[data-testid=search-snippet] mark').allTextContents();

  /** The outlined message is the one that matched, and it is inside the timeline's view. */
  const openedAt = async (text: string) => {
    await waitUntil(
      async () =>
        ((await ui.page.textContent('[data-search-hit] .message__text').catch(() => null)) ??
          '') === text,
      async () =>
        `outlined: ${await ui.page.textContent('[data-search-hit]').catch(() => 'nothing')}`,
    );
    // In view once the timeline has settled (it keeps itself at the bottom while it grows).
    const inView = () =>
      ui.page.$eval('[data-search-hit]', (el) => {
        const box = el.getBoundingClientRect();
        const timeline = document.querySelector('[data-testid=timeline]')?.getBoundingClientRect();
        return !!timeline && box.top >= timeline.top - 1 && box.bottom <= timeline.bottom + 1;
      });
    await waitUntil(inView, async () => 'the outlined message is not in view', 3_000);
  };

  beforeAll(async () => {
    h = await InboxHarness.start();
    const ivan = h.customer(IVAN);
    for (const text of [RUSSIAN, BULGARIAN, ARABIC])
      expect((await ivan.say(text)).status).toBe(200);
    for (let i = 1; i <= LATER_MESSAGES; i++) await ivan.say(`Ещё одно сообщение ${i}`);
    const conversation = await h.conversationOf(IVAN);
    await h.admin.ok('POST', `/api/conversations/${conversation.id}/close`);
    // A year ago: the conversation and each of its messages.
    await h.api.dataSource.query(
      `UPDATE conversations SET last_activity_at = last_activity_at - interval '1 year',
         created_at = created_at - interval '1 year' WHERE id = $1`,
      [conversation.id],
    );
    await h.api.dataSource.query(
      `UPDATE messages SET created_at = created_at - interval '1 year' WHERE conversation_id = $1`,
      [conversation.id],
    );
    await h.customer('Bob Recent').say('Hello, where is my parcel?');

    // Vera, an agent, may not work the harness's inbox (restricted to a team without her).
    const invitation = await h.admin.ok<InvitationDto>('POST', '/api/invitations', {
      email: AGENT.email,
      role: 'agent',
    });
    await h.admin.ok<LoginResponseDto>('POST', '/api/invitations/accept', {
      token: new URL(invitation.acceptUrl).hash.replace('#token=', ''),
      name: 'Vera Agent',
      password: AGENT.password,
      session: 'bearer',
    });
    const others = await h.admin.ok<{ id: string }>('POST', '/api/teams', { name: 'Others' });
    await h.admin.ok('PUT', `/api/inboxes/${h.inboxId}/access`, {
      operatorIds: [],
      teamIds: [others.id],
    });

    ui = await h.openPage();
    await ui.login();
    await ui.waitForFeed(['Bob Recent']);
  });

  afterAll(async () => {
    await agent?.close();
    await h?.stop();
  });

  afterEach(() => {
    expect(ui?.pageErrors ?? []).toEqual([]);
    expect(agent?.pageErrors ?? []).toEqual([]);
  });

  it('finds a Russian word by another form in a closed year-old conversation and opens it at that message', async () => {
    await search(ui, 'счёт');
    await ui.waitForFeed([IVAN]);
    expect(await ui.page.getAttribute('[data-testid=tab-all]', 'aria-selected')).toBe('true');
    expect(await markedIn(ui)).toEqual(['счета']);
    await ui.screenshot('search-results');

    await ivanRow(ui).click();
    await ui.waitForConversation(IVAN);
    await openedAt(RUSSIAN);
    await ui.screenshot('search-opened-at-message');
  });

  it('finds Bulgarian by prefix and Arabic with its article; Enter in the box opens the first result', async () => {
    await search(ui, 'поръчка');
    await waitUntil(
      async () => JSON.stringify(await markedIn(ui)) === JSON.stringify(['поръчката']),
      async () => `marked: ${JSON.stringify(await markedIn(ui))}`,
    );
    await ui.page.press('[data-testid=feed-search]', 'Enter');
    await openedAt(BULGARIAN);

    await search(ui, 'الطلب');
    await waitUntil(
      async () => JSON.stringify(await markedIn(ui)) === JSON.stringify(['الطلب']),
      async () => `marked: ${JSON.stringify(await markedIn(ui))}`,
    );
    await ivanRow(ui).click();
    await openedAt(ARABIC);
  });

  it('says why a search is refused, and the open tab comes back when the box is cleared', async () => {
    await search(ui, '"счёт');
    await ui.page.waitForSelector('[data-testid=search-error]:has-text("Unbalanced quote")');
    await ui.page.press('[data-testid=feed-search]', 'Escape');
    await ui.waitForFeed(['Bob Recent']);
    expect(await ui.page.getAttribute('[data-testid=tab-open]', 'aria-selected')).toBe('true');
    expect(await ui.page.locator('[data-testid=tab-all]').count()).toBe(0);
  });

  it('an agent without access to the inbox finds nothing of it', async () => {
    agent = await h.openPage();
    await agent.login(AGENT);
    await search(agent, 'счёт');
    await agent.page.waitForSelector('[data-testid=feed-empty]');
    expect(await agent.feedNames()).toEqual([]);
    await search(agent, 'Петров');
    await agent.page.waitForSelector('[data-testid=feed-empty]');
    expect(await agent.feedNames()).toEqual([]);
  });
});
