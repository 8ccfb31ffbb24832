import { describe, expect, it } from 'vitest';
import { emailOAuthDraft } from './email-oauth-draft';
import { formValuesFor } from './inbox-forms';

const newInbox = (fields: Record<string, string>) => {
  const values = formValuesFor('email', null);
  return { ...values, name: 'Support', fields: { ...values.fields, ...fields } };
};

describe('emailOAuthDraft', () => {
  it('puts a new inbox on the provider’s servers, signing in as its mailbox', () => {
    const draft = emailOAuthDraft('microsoft', newInbox({ fromAddress: 'desk@contoso.com' }));
    expect(draft).toMatchObject({
      name: 'Support',
      settings: {
        fromAddress: 'desk@contoso.com',
        imap: {
          host: 'outlook.office365.com',
          port: 993,
          security: 'tls',
          user: 'desk@contoso.com',
        },
        smtp: {
          host: 'smtp.office365.com',
          port: 587,
          security: 'starttls',
          user: 'desk@contoso.com',
        },
      },
    });
  });

  it('keeps servers the admin typed, and the IMAP user as the mailbox', () => {
    const draft = emailOAuthDraft(
      'google',
      newInbox({
        fromAddress: 'help@acme.example',
        'imap.host': 'mail.acme.example',
        'imap.user': 'team@acme.example',
      }),
    );
    expect(draft?.settings).toMatchObject({
      imap: { host: 'mail.acme.example', user: 'team@acme.example' },
      smtp: { host: 'smtp.gmail.com', user: 'team@acme.example' },
    });
  });

  it('needs a name and a mailbox address', () => {
    expect(emailOAuthDraft('google', newInbox({ fromAddress: '' }))).toBeNull();
    expect(
      emailOAuthDraft('google', { ...newInbox({ fromAddress: 'a@b.c' }), name: ' ' }),
    ).toBeNull();
  });
});
