import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

const FIRST = 'Your refund was approved today.';
const SECOND = 'Your parcel leaves tomorrow.';

/**
 * Undo send in real Chromium: the operator chooses a delay in the profile, a reply waits that
 * long on the server (counting down in the timeline), and Undo brings its words back into the
 * composer while the customer's system never receives it.
 */
describe('inbox: Undo send', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  const sentTexts = () => h.receiver.received.map((r) => r.text);
  const composer = () => ui.page.locator('[data-testid=composer-input]');
  const toast = (text: string | RegExp) => ui.page.locator('.toast', { hasText: text });

  beforeAll(async () => {
    h = await InboxHarness.start();
    ui = await h.openPage();
    await ui.login();
    await h.customer('Dana Refund').say('Where is my refund?');
    await ui.waitForFeed(['Dana Refund']);
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('the profile sets the delay (the test API starts with it off)', async () => {
    await ui.page.click('[data-testid=profile-open]');
    const select = ui.page.locator('[data-testid=profile-dialog] select[name=undoSendSeconds]');
    await waitUntil(
      async () => (await select.inputValue()) === '0',
      async () => `delay shows ${await select.inputValue()}`,
    );
    await select.selectOption('10');
    await ui.page.click('[data-testid=profile-dialog] button[type=submit]');
    await ui.page.locator('[data-testid=profile-dialog] [role=status]').waitFor();
    expect(await h.admin.ok('GET', '/api/operators/me/undo-send')).toEqual({ seconds: 10 });
    // A short window keeps the test fast: 2 s, shown as it is beside the usual choices.
    await h.admin.ok('PUT', '/api/operators/me/undo-send', { seconds: 2 });
    await ui.page.click('[data-testid=profile-dialog] .dialog__actions button[type=button]');
    await ui.page.waitForSelector('[data-testid=profile-dialog]', { state: 'detached' });
    await ui.page.click('[data-testid=profile-open]');
    await waitUntil(
      async () => (await select.inputValue()) === '2',
      async () => `delay shows ${await select.inputValue()}`,
    );
    expect(await select.locator('option').allTextContents()).toEqual([
      'Off: replies leave at once',
      '2 seconds',
      '5 seconds',
      '10 seconds',
      '20 seconds',
      '30 seconds',
    ]);
    await ui.page.keyboard.press('Escape');
    await ui.page.waitForSelector('[data-testid=profile-dialog]', { state: 'detached' });
  });

  it('Undo after send puts the text back in the composer; the customer never gets it', async () => {
    await ui.openRow('Dana Refund');
    await composer().fill(FIRST);
    await composer().press('Enter');

    // The reply is in the timeline at once, counting down, with Undo on it and in a toast.
    const line = ui.timelineMessage(FIRST).locator('[data-testid=undo-send-line]');
    await line.waitFor();
    expect(await line.textContent()).toMatch(/Sending in [12] s/);
    await toast(/Reply sending in 2 seconds/).waitFor();
    expect(await composer().inputValue()).toBe('');
    await toast(/Reply sending in/)
      .locator('[data-testid=toast-action]')
      .click();

    await toast('Reply not sent: it is back in the composer').waitFor();
    await ui.timelineMessage(FIRST).waitFor({ state: 'detached' });
    expect(await composer().inputValue()).toBe(FIRST);
    // Well past the window: nothing reached the customer's system, and a reload agrees.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(sentTexts()).not.toContain(FIRST);
    await ui.page.reload();
    await ui.openRow('Dana Refund');
    await ui.waitForConversation('Dana Refund');
    expect(await ui.timelineTexts()).not.toContain(FIRST);
  });

  it('without Undo it leaves once the window closes, exactly once, and the ticks follow', async () => {
    await composer().fill(SECOND);
    await composer().press('Enter');
    const reply = ui.timelineMessage(SECOND);
    await reply.locator('[data-testid=undo-send-line]').waitFor();
    expect(sentTexts()).not.toContain(SECOND);
    await reply
      .locator('[data-testid=delivery-status][data-status=sent]')
      .waitFor({ timeout: 10_000 });
    expect(sentTexts().filter((text) => text === SECOND)).toHaveLength(1);
    expect(await reply.locator('[data-testid=undo-send-line]').count()).toBe(0);
  });

  it('Undo too late (the toast kept open by focus) says "Already sent"', async () => {
    const late = 'One more thing: the receipt is attached.';
    await composer().fill(late);
    await composer().press('Enter');
    const action = toast(/Reply sending in/).locator('[data-testid=toast-action]');
    // Focus keeps the toast (and its button) on screen past the window.
    await action.focus();
    await waitUntil(
      () => sentTexts().includes(late),
      () => `sent: ${JSON.stringify(sentTexts())}`,
    );
    await action.click();
    await toast('Already sent: it was too late to undo').waitFor();
    expect(await composer().inputValue()).toBe('');
    expect(sentTexts().filter((text) => text === late)).toHaveLength(1);
    expect(ui.pageErrors).toEqual([]);
  });
});
