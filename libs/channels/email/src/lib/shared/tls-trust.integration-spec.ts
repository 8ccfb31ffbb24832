import {
  startDovecot,
  startSmtpPeer,
  type DovecotServer,
  type SmtpPeer,
} from '@switchboard/testing';
import { checkEmailConnection } from '../check/connection-check';
import type { EmailSettings } from '../email-settings.schema';
import { testSettings } from '../testing-fixtures';

const USER = { user: 'support@example.test', password: 'imap-secret' };

describe('a self-signed IMAP certificate', () => {
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;

  beforeAll(async () => {
    dovecot = await startDovecot({ users: [USER], tls: { hostnames: ['127.0.0.1'] } });
    smtp = await startSmtpPeer();
  });
  afterAll(async () => {
    await dovecot?.stop();
    await smtp?.close();
  });

  const check = (selfSignedCertificateHost: string | null) => {
    const settings: EmailSettings = testSettings({
      imap: {
        host: '127.0.0.1',
        port: dovecot.tlsPort ?? 0,
        security: 'tls',
        user: USER.user,
        mailbox: 'INBOX',
      },
      smtp: { host: smtp.host, port: smtp.port, security: 'none', user: smtp.user },
      selfSignedCertificateHost,
    });
    return checkEmailConnection(settings, {
      imapPassword: USER.password,
      smtpPassword: smtp.password,
    });
  };

  it('is refused by default, accepted for the named host, and only for that host', async () => {
    expect(await check(null)).toMatchObject({
      ok: false,
      server: 'imap',
      problem: 'CERTIFICATE_UNTRUSTED',
    });
    expect(await check('127.0.0.1')).toEqual({ ok: true });
    expect(await check('localhost')).toMatchObject({
      ok: false,
      problem: 'CERTIFICATE_UNTRUSTED',
    });
  });
});
