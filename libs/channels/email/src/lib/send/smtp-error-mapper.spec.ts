import { mapSmtpError } from './smtp-error-mapper';
import { SmtpAnswerLost } from './smtp-sender';

describe('mapSmtpError', () => {
  it.each([
    [
      { code: 'EAUTH', responseCode: 535, response: '535 5.7.8 bad credentials' },
      'AUTH_FAILED',
      false,
    ],
    [
      {
        code: 'EENVELOPE',
        responseCode: 550,
        command: 'RCPT TO',
        response: '550 5.1.1 no such user',
      },
      'INVALID_RECIPIENT',
      false,
    ],
    [
      { code: 'EMESSAGE', responseCode: 554, command: 'DATA', response: '554 5.7.1 spam' },
      'CONTENT_REJECTED',
      false,
    ],
    [
      { code: 'EMESSAGE', responseCode: 552, command: 'DATA', response: '552 too big' },
      'CONTENT_REJECTED',
      false,
    ],
    [
      {
        code: 'EENVELOPE',
        responseCode: 553,
        command: 'MAIL FROM',
        response: '553 sender not allowed',
      },
      'CONFIG_INVALID',
      false,
    ],
    [
      { code: 'EENVELOPE', responseCode: 451, command: 'RCPT TO', response: '451 greylisted' },
      'UNAVAILABLE',
      true,
    ],
    [
      { code: 'EMESSAGE', responseCode: 421, command: 'DATA', response: '421 try later' },
      'UNAVAILABLE',
      true,
    ],
    [{ code: 'ECONNECTION', message: 'Connection closed' }, 'UNAVAILABLE', true],
    [{ code: 'ETIMEDOUT', message: 'timeout' }, 'UNAVAILABLE', true],
    [{ code: 'ETLS', message: 'wrong version number' }, 'CONFIG_INVALID', false],
  ])('%j → %s', (err, code, retryable) => {
    const mapped = mapSmtpError(err);
    expect(mapped.code).toBe(code);
    expect(mapped.retryable).toBe(retryable);
  });

  it('treats a timeout or a dropped connection after the message data as an unknown outcome', () => {
    // nodemailer says "CONN" whatever the stage; the sender knows the data was complete.
    const timeout = Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT', command: 'CONN' });
    const mapped = mapSmtpError(new SmtpAnswerLost(timeout));
    expect([mapped.code, mapped.retryable]).toEqual(['OUTCOME_UNKNOWN', false]);
    expect(mapped.message).toContain('Timeout');
    // The same error before the data was complete cannot have delivered anything: retry it.
    expect(mapSmtpError(timeout).retryable).toBe(true);
  });

  it('keeps the server answer as the reason', () => {
    expect(
      mapSmtpError({ responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 no such user' })
        .message,
    ).toContain('550 5.1.1 no such user');
  });

  it('survives things that are not errors at all', () => {
    expect(mapSmtpError(undefined).code).toBe('UNKNOWN');
    expect(mapSmtpError('boom').code).toBe('UNKNOWN');
  });
});
