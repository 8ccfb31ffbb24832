import type { InboxDto } from '@switchboard/contracts';
import {
  startDovecot,
  startSmtpPeer,
  type DovecotServer,
  type SmtpPeer,
} from '@switchboard/testing';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

const MAILBOX = { user: 'support@example.test', password: 'imap-secret' };

function mail(from: string, subject: string, text: string): string {
  return [
    `From: ${from}`,
    `To: ${MAILBOX.user}`,
    `Subject: ${subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${subject.replace(/\W/g, '-')}-${Date.now()}@customer.example>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
  ].join('\r\n');
}

describe('inbox settings: pause, resume, and remove with the history', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;
  let inbox: InboxDto;

  const append = (from: string, subject: string) =>
    dovecot.appendMessage(MAILBOX.user, 'INBOX', mail(from, subject, `${subject}, please`));
  const detail = () => ui.page.locator('[data-testid=settings-detail]');

  beforeAll(async () => {
    Object.assign(process.env, {
      EMAIL_SYNC_POLL_MS: '1000',
      EMAIL_SYNC_RECONNECT_MS: '200',
      EMAIL_SYNC_RESCAN_MS: '600000',
    });
    dovecot = await startDovecot({ users: [MAILBOX] });
    smtp = await startSmtpPeer();
    h = await InboxHarness.start({ env: { INBOX_PURGE_DELAY_MS: '200' } });
    inbox = await h.admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'email',
      name: 'Support mail',
      settings: {
        fromAddress: MAILBOX.user,
        imap: { host: dovecot.host, port: dovecot.port, security: 'none', user: MAILBOX.user },
        smtp: { host: smtp.host, port: smtp.port, security: 'none', user: smtp.user },
        historyDays: 30,
      },
      secrets: { imapPassword: MAILBOX.password, smtpPassword: smtp.password },
    });
    await append('Paula Early <paula@customer.example>', 'Before the pause');
    ui = await h.openPage();
    await ui.login();
    await ui.waitForFeed(['Paula Early'], 30_000);
  });

  afterAll(async () => {
    await h?.stop();
    await smtp?.close();
    await dovecot?.stop();
  });

  it('pauses the mailbox with a visible state; mail waits and arrives on resume', async () => {
    await ui.toggleSettings(true);
    await ui.page.locator('[data-testid=settings-inbox]', { hasText: 'Support mail' }).click();
    await ui.page.waitForSelector(`[data-testid=settings-detail][data-inbox-id="${inbox.id}"]`);
    await ui.page.click('[data-testid=inbox-pause-toggle]');
    await ui.page.waitForSelector('[data-testid=inbox-pause][data-paused=true]');
    expect(await ui.page.textContent('[data-testid=inbox-pause-state]')).toMatch(/Paused since/);
    expect(await ui.page.textContent('[data-testid=settings-inbox-paused]')).toBe('Paused');
    await ui.page.waitForSelector('[data-testid=email-sync-status][data-status=paused]');
    await detail().evaluate((el) => el.scrollTo(0, 0));
    await ui.screenshot('settings-inbox-paused');

    await append('Quentin Waiting <quentin@customer.example>', 'While paused');
    await new Promise((r) => setTimeout(r, 2500));
    await ui.toggleSettings(false);
    expect(await ui.feedNames()).not.toContain('Quentin Waiting');

    await ui.toggleSettings(true);
    await ui.page.click('[data-testid=inbox-pause-toggle]');
    await ui.page.waitForSelector('[data-testid=inbox-pause][data-paused=false]');
    expect(await ui.page.$('[data-testid=settings-inbox-paused]')).toBeNull();
    await ui.toggleSettings(false);
    await waitUntil(
      async () => (await ui.feedNames()).includes('Quentin Waiting'),
      async () => `feed: ${JSON.stringify(await ui.feedNames())}`,
      30_000,
    );
  });

  it('removes the inbox with its conversations only after its name is typed; they leave the feed live', async () => {
    await ui.toggleSettings(true);
    await ui.page.click('[data-testid=inbox-remove-button]');
    await ui.page.check('[data-testid=inbox-remove-history]');
    const confirm = ui.page.locator('[data-testid=inbox-remove-confirm]');
    await ui.page.fill('[data-testid=inbox-remove-name]', 'support mail');
    expect(await confirm.isDisabled()).toBe(true);
    await ui.page.fill('[data-testid=inbox-remove-name]', 'Support mail');
    expect(await confirm.isEnabled()).toBe(true);
    await confirm.scrollIntoViewIfNeeded();
    await ui.screenshot('settings-inbox-remove-history');
    await confirm.click();
    await ui.page.waitForSelector(`[data-testid=settings-detail][data-inbox-id="${inbox.id}"]`, {
      state: 'detached',
    });
    await ui.toggleSettings(false);
    await waitUntil(
      async () => {
        const names = await ui.feedNames();
        return !names.includes('Paula Early') && !names.includes('Quentin Waiting');
      },
      async () => `feed: ${JSON.stringify(await ui.feedNames())}`,
      30_000,
    );
    expect((await h.admin.request('GET', `/api/inboxes/${inbox.id}`)).status).toBe(404);
  });
});
