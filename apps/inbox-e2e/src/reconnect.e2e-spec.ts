import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

describe('inbox: the live connection drops and comes back', () => {
  let h: InboxHarness;
  let ui: InboxPage;

  beforeAll(async () => {
    h = await InboxHarness.start();
    ui = await h.openPage();
    await ui.login();
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('ends up complete after events happened while offline, without a reload', async () => {
    const priya = h.customer('Priya Sharma');
    const lukas = h.customer('Lukas Müller');
    const sofia = h.customer('Sofia Rossi');
    await priya.say('Can I change the delivery address?');
    await lukas.say('Rechnung fehlt');
    await ui.waitForFeed(['Lukas Müller', 'Priya Sharma']);
    await ui.openRow('Priya Sharma');
    // A marker that a reload would wipe.
    await ui.page.evaluate(
      () => ((window as unknown as { __samePage: string }).__samePage = 'yes'),
    );

    await ui.dropNetwork();
    await ui.waitForConnection('reconnecting');

    // Meanwhile: a customer writes twice, a new one arrives, a colleague closes a conversation.
    await priya.say('Actually, to Hauptstraße 5 please');
    await priya.say('Danke! 😊');
    await sofia.say('Order arrived damaged');
    const lukasConversation = await h.conversationOf('Lukas Müller');
    await h.admin.ok('POST', `/api/conversations/${lukasConversation.id}/close`);

    // Nothing reached the page while it was cut off.
    await new Promise((r) => setTimeout(r, 300));
    expect(await ui.feedNames()).toEqual(['Lukas Müller', 'Priya Sharma']);
    expect(await ui.page.textContent('[data-testid=connection-status]')).toBe('Reconnecting…');
    await ui.screenshot('reconnecting');

    ui.restoreNetwork();
    await ui.waitForConnection('live');
    await ui.waitForFeed(['Sofia Rossi', 'Priya Sharma']);
    await waitUntil(
      async () => {
        const texts = await ui.timelineTexts();
        return texts.includes('Actually, to Hauptstraße 5 please') && texts.includes('Danke! 😊');
      },
      async () => JSON.stringify(await ui.timelineTexts()),
    );
    // Every message exactly once: the replayed catch-up did not duplicate anything.
    const texts = await ui.timelineTexts();
    expect(texts.filter((t) => t === 'Danke! 😊')).toHaveLength(1);
    expect(texts.filter((t) => t === 'Can I change the delivery address?')).toHaveLength(1);
    await ui.page.waitForSelector('[data-testid=count-open]:text-is("2")');
    await ui.page.waitForSelector('[data-testid=count-closed]:text-is("1")');
    expect(
      await ui.page.evaluate(() => (window as unknown as { __samePage?: string }).__samePage),
    ).toBe('yes');
    expect(ui.pageErrors).toEqual([]);
  });

  it('catches up after a second, longer outage too', async () => {
    await ui.dropNetwork();
    await ui.waitForConnection('reconnecting');
    const many = h.customer('Mei Chen 陈美');
    for (let i = 1; i <= 5; i++) await many.say(`Message ${i} of 5`);
    await new Promise((r) => setTimeout(r, 1_500));
    ui.restoreNetwork();
    await ui.waitForConnection('live');
    await ui.waitForFeed(['Mei Chen 陈美', 'Sofia Rossi', 'Priya Sharma']);
    await ui.openRow('Mei Chen 陈美');
    await waitUntil(
      async () => (await ui.timelineTexts()).filter((t) => t.startsWith('Message ')).length === 5,
      async () => JSON.stringify(await ui.timelineTexts()),
    );
    expect(ui.pageErrors).toEqual([]);
  });

  it('a reload keeps the session and reopens the conversation from the URL', async () => {
    const url = ui.page.url();
    expect(url).toMatch(/#\/conversations\/[\w-]+$/);
    await ui.page.reload();
    await ui.waitForConnection('live');
    await ui.waitForConversation('Mei Chen 陈美');
    await ui.waitForFeed(['Mei Chen 陈美', 'Sofia Rossi', 'Priya Sharma']);
    expect(ui.page.url()).toBe(url);
    // The phone's back gesture (history back) returns to the list.
    await ui.page.goBack();
    await ui.page.waitForSelector('[data-testid=conversation-empty]');
    expect(ui.pageErrors).toEqual([]);
  });
});
