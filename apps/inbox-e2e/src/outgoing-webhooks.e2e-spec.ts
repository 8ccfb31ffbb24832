import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

/**
 * Settings → Webhooks: an admin subscribes an endpoint, sees its secret once (and can copy it),
 * and finds the delivery of a customer's message in the log, then resends it.
 */
describe('inbox: outgoing webhooks', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  let endpoint: Server;
  let url = '';
  const signatures: string[] = [];

  beforeAll(async () => {
    endpoint = createServer((req, res) => {
      signatures.push(String(req.headers['switchboard-signature']));
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((r) => endpoint.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/hooks`;
    h = await InboxHarness.start();
    ui = await h.openPage();
    await ui.login();
  });

  afterAll(async () => {
    await ui?.close();
    await h?.stop();
    await new Promise<void>((r) => endpoint?.close(() => r()));
  });

  it('creates a subscription, shows the secret once, and logs a delivery with Resend', async () => {
    const { page } = ui;
    await ui.toggleSettings(true);
    await page.click('[data-testid=settings-webhooks]');
    await page.fill('[data-testid=webhook-new] [data-testid=webhook-url]', url);
    await page.fill('[data-testid=webhook-new] [data-testid=webhook-description]', 'CRM');
    await page.click('[data-testid=webhook-new] [data-testid=webhook-save]');
    const secret = await page.inputValue('[data-testid=webhook-secret]');
    expect(secret).toMatch(/^whsec_/);
    await page.click('[data-testid=webhook-secret-done]');
    await page.waitForSelector('[data-testid=webhook-secret-once]', { state: 'detached' });
    // Once means once: a reload lists the subscription without any secret.
    await page.reload();
    await ui.toggleSettings(true);
    await page.click('[data-testid=settings-webhooks]');
    await page.waitForSelector(`[data-testid=webhook-row][data-url="${url}"]`);
    expect(await page.locator('[data-testid=webhook-secret]').count()).toBe(0);

    await h.customer('Grace Hopper').say('Where is my order?');
    await waitUntil(
      () => signatures.length > 0,
      () => 'the endpoint got nothing',
    );
    await page.click('[data-testid=webhook-show-log]');
    const delivered = page.locator('[data-testid=webhook-delivery][data-status=delivered]');
    await waitUntil(
      async () => {
        await page.click('[data-testid=webhook-log-refresh]');
        return (await delivered.count()) === 1;
      },
      async () => `log: ${await page.textContent('[data-testid=webhook-log]')}`,
    );
    await ui.screenshot('webhook-deliveries');
    await page.click('[data-testid=webhook-resend]');
    await waitUntil(
      () => signatures.length === 2,
      () => `${signatures.length} deliveries`,
    );
    expect(signatures.every((s) => s.startsWith('v1='))).toBe(true);
    expect(ui.pageErrors).toEqual([]);
  });
});
