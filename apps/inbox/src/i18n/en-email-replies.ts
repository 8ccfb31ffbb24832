/**
 * English strings for email replies: Reply / Reply all, Cc and Bcc, the signature note in the
 * composer, the recipients line on email messages, and the signature fields of the profile and the
 * inbox settings. Spread into en.ts, so they are ordinary keys.
 */
export const enEmailReplies = {
  'email_reply.choice': 'Reply to',
  'email_reply.reply': 'Reply',
  'email_reply.reply_all': 'Reply all ({count})',
  'email_reply.to': 'To',
  'email_reply.cc': 'Cc',
  'email_reply.bcc': 'Bcc',
  'email_reply.add_bcc': 'Add Bcc',
  'email_reply.copies_hint': 'Addresses separated by commas',
  'email_reply.invalid': 'Not an email address: {list}',
  'email_reply.too_many': 'At most {max} addresses in Cc and {max} in Bcc',
  'email_reply.signature_note': 'Your signature and the message you answer are added to the email:',
  'email_reply.no_signature': 'No signature is added. Set yours in your profile.',
  'email_reply.context_failed': 'Could not load the recipients: {message}',
  'email_reply.recipients.to': 'To:',
  'email_reply.recipients.cc': 'Cc:',
  'email_reply.recipients.bcc': 'Bcc:',
  'profile.signature': 'Email signature',
  'profile.signature_hint':
    'Added under your email replies. Placeholders: {{operator.name}}, {{operator.email}}, {{inbox.name}}, {{inbox.address}}.',
  'settings.field.signature': 'Signature',
  'settings.field.signature_hint':
    "Under every reply from this inbox. Placeholders: {{operator.name}}, {{operator.email}}, {{inbox.name}}, {{inbox.address}}; {{operator.signature}} places the operator's own signature (otherwise it comes first).",
} as const;
