import { createTransport } from 'nodemailer';
import { startSmtpPeer, type SmtpPeer } from './smtp-peer';

describe('SMTP peer harness', () => {
  let peer: SmtpPeer;
  beforeAll(async () => {
    peer = await startSmtpPeer();
  });
  afterAll(async () => {
    await peer?.close();
  });

  const transport = (pass = peer.password, socketTimeout?: number) =>
    createTransport({
      host: peer.host,
      port: peer.port,
      secure: false,
      ignoreTLS: true,
      auth: { user: peer.user, pass },
      socketTimeout,
    });

  it('records what it receives, parsed', async () => {
    await transport().sendMail({
      from: 'a@example.test',
      to: 'b@example.org',
      subject: 'Hello',
      text: 'Hi there',
      messageId: '<m1@example.test>',
    });
    const [received] = await peer.waitForMessages(1);
    expect(received.envelope).toEqual({ from: 'a@example.test', to: ['b@example.org'] });
    expect(received.parsed.subject).toBe('Hello');
    expect(received.parsed.messageId).toBe('<m1@example.test>');
  });

  it('refuses a wrong password with 535', async () => {
    await expect(
      transport('wrong').sendMail({ from: 'a@example.test', to: 'b@example.org', text: 'x' }),
    ).rejects.toMatchObject({
      code: 'EAUTH',
      responseCode: 535,
    });
  });

  it('can be told to reject a recipient or the data, and to accept again', async () => {
    peer.reject({
      stage: 'rcpt',
      code: 550,
      message: '5.1.1 No such user',
      recipient: 'gone@example.org',
    });
    await expect(
      transport().sendMail({ from: 'a@example.test', to: 'gone@example.org', text: 'x' }),
    ).rejects.toMatchObject({
      responseCode: 550,
    });
    peer.accept();
    peer.reject({ stage: 'data', code: 451, message: '4.3.0 Try later' });
    await expect(
      transport().sendMail({ from: 'a@example.test', to: 'ok@example.org', text: 'x' }),
    ).rejects.toMatchObject({
      responseCode: 451,
    });
    peer.accept();
    await transport().sendMail({ from: 'a@example.test', to: 'ok@example.org', text: 'x' });
    await peer.waitForMessages(2);
  });

  it('keeps a message whose answer it holds back or never sends', async () => {
    const before = peer.messages.length;
    peer.answerDataLate({ delayMs: 5_000 });
    await expect(
      transport(peer.password, 300).sendMail({
        from: 'a@example.test',
        to: 'c@example.org',
        text: 'late',
      }),
    ).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    peer.answerDataLate('drop');
    await expect(
      transport().sendMail({ from: 'a@example.test', to: 'c@example.org', text: 'dropped' }),
    ).rejects.toBeTruthy();
    peer.accept();
    expect(peer.messages.slice(before).map((m) => m.parsed.text?.trim())).toEqual([
      'late',
      'dropped',
    ]);
  });
});
