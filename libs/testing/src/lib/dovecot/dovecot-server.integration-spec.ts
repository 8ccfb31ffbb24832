import { ImapFlow } from 'imapflow';
import { startDovecot, type DovecotServer } from './dovecot-server';

const mail = (n: number) =>
  `From: customer@example.org\r\nTo: support@example.test\r\nSubject: Test ${n}\r\nMessage-ID: <smoke-${n}@example.org>\r\n\r\nBody ${n}\r\n`;

describe('Dovecot harness', () => {
  let dovecot: DovecotServer;

  beforeAll(async () => {
    dovecot = await startDovecot({ users: [{ user: 'support@example.test', password: 'pw' }] });
  });
  afterAll(async () => {
    await dovecot?.stop();
  });

  it('serves IMAP on a loopback port and accepts appended mail', async () => {
    const first = await dovecot.appendMessage('support@example.test', 'INBOX', mail(1));
    const second = await dovecot.appendMessage('support@example.test', 'INBOX', mail(2));
    expect(second.uid).toBe(first.uid + 1);

    const client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: 'support@example.test', pass: 'pw' },
      logger: false,
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.mailboxOpen('INBOX');
      const subjects: string[] = [];
      for await (const msg of client.fetch('1:*', { envelope: true }))
        subjects.push(msg.envelope?.subject ?? '');
      expect(subjects).toEqual(['Test 1', 'Test 2']);
      // The Sent folder exists for the Sent-copy feature.
      expect((await client.list()).map((m) => m.path)).toContain('Sent');
    } finally {
      await client.logout();
    }
  });

  it('refuses a wrong password', async () => {
    const client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: 'support@example.test', pass: 'nope' },
      logger: false,
    });
    client.on('error', () => undefined);
    await expect(client.connect()).rejects.toMatchObject({ authenticationFailed: true });
    client.close();
  });

  it('changes UIDVALIDITY and renumbers the messages', async () => {
    const before = await dovecot.mailboxStatus('support@example.test', 'INBOX');
    const next = await dovecot.resetUidValidity('support@example.test', 'INBOX');
    const after = await dovecot.mailboxStatus('support@example.test', 'INBOX');
    expect(next).not.toBe(before.uidValidity);
    expect(after.uidValidity).toBe(next);
    expect(after.messages).toBe(before.messages);
    const appended = await dovecot.appendMessage('support@example.test', 'INBOX', mail(3));
    expect(appended.uidValidity).toBe(next);
  });
});
