import { ImapFlow } from 'imapflow';
import { startDovecot, type DovecotServer } from '@switchboard/testing';
import { isShared } from './shared-bytes';
import { fetchSourceInWindows, SOURCE_WINDOW_BYTES } from './windowed-source-fetch';

jest.setTimeout(60_000);

const USER = { user: 'windows@example.test', password: 'pw' };

/** A mail of exactly `bytes` bytes whose body differs at every position, so a lost or repeated window shows. */
function mailOf(bytes: number, name: string): string {
  const head = `From: a@example.org\r\nTo: ${USER.user}\r\nSubject: ${name}\r\nMessage-ID: <${name}@example.org>\r\n\r\n`;
  let body = '';
  for (let line = 0; body.length < bytes - head.length; line++)
    body += `${name} line ${line} ${'abcdefghij'.repeat(line % 7)}\r\n`;
  return head + body.slice(0, bytes - head.length);
}

describe('fetchSourceInWindows against Dovecot', () => {
  let dovecot: DovecotServer;
  let client: ImapFlow;

  beforeAll(async () => {
    dovecot = await startDovecot({ users: [USER] });
    client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: USER.user, pass: USER.password },
      logger: false,
    });
    client.on('error', () => undefined);
    await client.connect();
    await client.mailboxOpen('INBOX');
  });

  afterAll(async () => {
    await client?.logout().catch(() => undefined);
    await dovecot?.stop();
  });

  it.each([
    ['several windows and a short last one', Math.round(SOURCE_WINDOW_BYTES * 2.5)],
    ['exactly two windows (the third answer is empty)', SOURCE_WINDOW_BYTES * 2],
    ['less than one window', 2_000],
  ])('reads %s byte for byte, into shared memory, without marking it read', async (name, size) => {
    const source = mailOf(size, name.replace(/\W+/g, '-'));
    const { uid } = await dovecot.appendMessage(USER.user, 'INBOX', source);
    await client.noop(); // the session learns of mail appended by another process

    const fetched = await fetchSourceInWindows(client, uid, size);

    expect(fetched).not.toBeNull();
    expect(isShared(fetched!)).toBe(true);
    expect(fetched!.length).toBe(Buffer.byteLength(source));
    expect(fetched!.equals(Buffer.from(source))).toBe(true);
    const flags = await client.fetchOne(String(uid), { uid: true, flags: true }, { uid: true });
    expect(flags && [...(flags.flags ?? [])]).not.toContain('\\Seen');
  });

  it('answers null for a message that is gone', async () => {
    const { uid } = await dovecot.appendMessage(USER.user, 'INBOX', mailOf(5_000, 'gone'));
    await client.noop();
    expect(await client.messageDelete(String(uid), { uid: true })).toBe(true);
    expect(await fetchSourceInWindows(client, uid, 5_000)).toBeNull();
  });
});
