import type { InboxDto } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { createRequest, formValuesFor, updateRequest } from './inbox-forms';

const emailInbox: InboxDto = {
  id: '7d0f4a4e-8d7e-4a44-9d43-1d1bb1a0d001',
  kind: 'email',
  name: 'Support mail',
  settings: {
    fromAddress: 'support@example.test',
    fromName: 'Acme',
    historyDays: 30,
    imap: { host: 'imap.example.test', port: 993, security: 'tls', user: 'u', sentFolder: 'Sent' },
    smtp: { host: 'smtp.example.test', port: 465, security: 'tls', user: 'u' },
    autoAcknowledgement: 'Thanks!',
  },
  secretsSet: ['imapPassword', 'smtpPassword'],
  reopenPolicy: 'reopen',
  connectionError: null,
  pausedAt: null,
  pausable: false,
  replyWindowHours: null,
  webhookUrl: 'http://localhost/api/webhooks/i',
  statusCallbackUrl: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('inbox forms', () => {
  it('keeps settings the form does not show and sends no untouched secret', () => {
    const values = formValuesFor('email', emailInbox);
    expect(values.fields['imap.port']).toBe('993');
    values.fields['imap.port'] = '143';
    values.fields['imap.security'] = 'starttls';
    values.fields['fromName'] = '';
    const req = updateRequest(emailInbox, 'email', values);
    expect(req.secrets).toBeUndefined();
    expect(req.settings).toMatchObject({
      fromName: null,
      autoAcknowledgement: 'Thanks!',
      imap: { host: 'imap.example.test', port: 143, security: 'starttls', sentFolder: 'Sent' },
    });
  });

  it('sends only the secrets the operator typed', () => {
    const values = formValuesFor('email', emailInbox);
    values.secrets = { imapPassword: 'new-one', smtpPassword: '' };
    expect(updateRequest(emailInbox, 'email', values).secrets).toEqual({ imapPassword: 'new-one' });
  });

  it('builds a web chat inbox from the defaults, origins one per line', () => {
    const values = formValuesFor('webchat', null);
    values.name = '  Website ';
    values.fields['allowedOrigins'] = 'https://shop.example\n\n *  ';
    values.secrets = { hmacSecret: 'x'.repeat(32) };
    const req = createRequest('webchat', values);
    expect(req).toMatchObject({
      kind: 'webchat',
      name: 'Website',
      secrets: { hmacSecret: 'x'.repeat(32) },
      settings: {
        allowedOrigins: ['https://shop.example', '*'],
        askEmail: true,
        accentColor: '#2563eb',
      },
    });
  });

  it('leaves an empty optional URL out', () => {
    const values = formValuesFor('api', null);
    values.name = 'Shop';
    values.fields['outboundUrl'] = ' ';
    expect(createRequest('api', values).settings).toEqual({});
  });

  it('connects a Telegram bot with its token alone: the server learns the rest from Telegram', () => {
    const values = formValuesFor('telegram', null);
    values.name = 'Telegram';
    values.secrets = { botToken: '123456789:AAH-token' };
    expect(createRequest('telegram', values)).toEqual({
      kind: 'telegram',
      name: 'Telegram',
      reopenPolicy: 'reopen',
      settings: {},
      secrets: { botToken: '123456789:AAH-token' },
    });
  });

  it('renames a Telegram inbox without touching the bot: no settings, no token', () => {
    const telegram: InboxDto = {
      ...emailInbox,
      kind: 'telegram',
      settings: { botId: 1, botUsername: 'acme_bot', botName: 'Acme', delivery: 'webhook' },
      secretsSet: ['botToken', 'webhookSecret'],
    };
    const values = formValuesFor('telegram', telegram);
    values.name = 'Acme on Telegram';
    expect(updateRequest(telegram, 'telegram', values)).toEqual({
      name: 'Acme on Telegram',
      reopenPolicy: 'reopen',
    });
    values.secrets = { botToken: '987654321:BBH-token' };
    expect(updateRequest(telegram, 'telegram', values).secrets).toEqual({
      botToken: '987654321:BBH-token',
    });
  });
});
