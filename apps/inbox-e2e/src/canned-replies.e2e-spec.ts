import type { CannedReplyDto } from '@switchboard/contracts';
import { InboxHarness, OPERATOR } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

describe('inbox: canned replies from the composer’s / picker', () => {
  let h: InboxHarness;
  let ui: InboxPage;

  beforeAll(async () => {
    h = await InboxHarness.start();
    await h.admin.ok<CannedReplyDto>('POST', '/api/canned-replies', {
      scope: 'shared',
      title: 'Thanks for waiting',
      shortcut: 'thanks',
      body: 'Hi {{contact.first_name}}, {{operator.name}} here about #{{conversation.number}}.',
    });
    await h.admin.ok<CannedReplyDto>('POST', '/api/canned-replies', {
      title: 'Order shipped',
      shortcut: 'shipped',
      body: 'Your order {{order.id}} has shipped.',
    });
    ui = await h.openPage();
    await ui.login();
    await h.customer('Ada Lovelace').say('Where is my parcel?');
    await ui.waitForFeed(['Ada Lovelace']);
    await ui.openRow('Ada Lovelace');
  });

  afterAll(async () => {
    await h?.stop();
  });

  const composerText = () => ui.page.inputValue('[data-testid=composer-input]');
  const press = (key: string) => ui.page.keyboard.press(key);

  it('inserts a reply with its placeholders filled, editable, and sends it', async () => {
    const conversation = await h.conversationOf('Ada Lovelace');
    await ui.page.focus('[data-testid=composer-input]');
    await ui.page.keyboard.type('/thnk');
    await ui.page.waitForSelector('[data-testid=canned-option]:has-text("/thanks")');
    await ui.screenshot('canned-picker');
    await press('Enter');
    const filled = `Hi Ada, ${OPERATOR.name} here about #${conversation.number}.`;
    await waitUntil(
      async () => (await composerText()) === filled,
      async () => `composer holds ${JSON.stringify(await composerText())}`,
    );
    expect(await ui.page.$('[data-testid=canned-picker]')).toBeNull();

    // Still the operator's text: typing goes on after the insertion.
    await ui.page.keyboard.type(' Back soon!');
    await press('Enter');
    await waitUntil(
      () => h.receiver.received.find((r) => r.text === `${filled} Back soon!`),
      () => `received ${JSON.stringify(h.receiver.received)}`,
    );
  });

  it('holds a reply with an unknown placeholder until the operator replaces it', async () => {
    await ui.page.focus('[data-testid=composer-input]');
    await ui.page.keyboard.type('/shipped');
    await ui.page.waitForSelector('[data-testid=canned-option]:has-text("/shipped")');
    await press('Enter');
    await ui.page.waitForSelector(
      '[data-testid=canned-placeholder-warning]:has-text("{{order.id}}")',
    );
    expect(await ui.page.isDisabled('[data-testid=composer-send]')).toBe(true);
    const sentBefore = h.receiver.received.length;
    await press('Enter');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.receiver.received.length).toBe(sentBefore);

    await ui.page.fill('[data-testid=composer-input]', 'Your order 4711 has shipped.');
    await ui.page.waitForSelector('[data-testid=canned-placeholder-warning]', {
      state: 'detached',
    });
    expect(await ui.page.isDisabled('[data-testid=composer-send]')).toBe(false);
    expect(ui.pageErrors).toEqual([]);
  });
});
