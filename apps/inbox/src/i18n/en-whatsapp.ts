/**
 * English strings for WhatsApp and SMS through Twilio: connecting a sender, the 24-hour reply
 * window in the conversation header, and the template composer that replaces the reply box once
 * the window has closed. Spread into en.ts like en-channels.ts.
 */
export const enWhatsapp = {
  'settings.kind.twilio': 'WhatsApp / SMS (Twilio)',
  'settings.section.twilio': 'Twilio account',
  'settings.field.account_sid': 'Account SID',
  'settings.field.account_sid_hint':
    'On the home page of the Twilio console, under Account Info (starts with AC).',
  'settings.field.sender': 'Sender',
  'settings.field.sender_hint':
    'whatsapp:+14155238886 for a WhatsApp sender (or the Twilio sandbox), +14155550100 for an SMS number.',
  'settings.field.auth_token': 'Auth token',
  'settings.twilio.token_hint': 'Next to the Account SID in the Twilio console (32 characters).',
  'settings.twilio.console_link': 'Open the Twilio console',
  'settings.twilio.title': 'Connected sender',
  'settings.twilio.account': 'Twilio account',
  'settings.twilio.sender': 'Sender',
  'settings.twilio.channel': 'Channel',
  'settings.twilio.channel.whatsapp': 'WhatsApp',
  'settings.twilio.channel.sms': 'SMS',
  'settings.twilio.not_connected': 'No Twilio account connected yet.',
  'settings.twilio.paste_hint':
    'Paste into the Twilio console: “A message comes in” (HTTP POST) → the incoming messages URL. The status callback is set on every send automatically.',
  'settings.twilio.webhook_url': 'Incoming messages URL',
  'settings.twilio.status_url': 'Status callback URL',
  'settings.twilio.window_title': 'The {hours}-hour rule',
  'settings.twilio.window_rule':
    'WhatsApp lets you answer freely for {hours} hours after the customer’s last message. After that, only approved templates (Twilio’s Content Template Builder) can be sent, until the customer writes again. Each conversation shows how long its window stays open.',
  'settings.copy': 'Copy',
  'settings.copy_label': 'Copy {name}',
  'settings.copied': 'Copied',

  'reply_window.left_hours_minutes': 'Reply window: {hours} h {minutes} min left',
  'reply_window.left_hours': 'Reply window: {hours} h left',
  'reply_window.left_minutes': 'Reply window: {minutes} min left',
  'reply_window.closed': 'Reply window closed',
  'reply_window.closes_at': 'Free-form replies are possible until {time}',
  'reply_window.closed_hint': 'Only approved templates can be sent until the customer writes again',
  'reply_window.reopened': 'Reply window open again',
  'reply_window.closed_announcement':
    'Reply window closed. Only approved templates can be sent until the customer writes again.',

  'composer.window_closed_notice':
    'WhatsApp allows free-form replies only within 24 hours of the customer’s last message. Send an approved template:',
  'composer.templates.legend': 'Template',
  'composer.templates.loading': 'Loading templates…',
  'composer.templates.error': 'Could not load the templates: {message}',
  'composer.templates.retry': 'Try again',
  'composer.templates.empty':
    'This inbox has no templates yet. Create one in Twilio’s Content Template Builder and submit it for WhatsApp approval.',
  'composer.templates.approval.approved': 'Approved',
  'composer.templates.approval.pending': 'Waiting for approval',
  'composer.templates.approval.rejected': 'Rejected',
  'composer.templates.approval.unsubmitted': 'Not submitted for approval',
  'composer.templates.variable': 'Value for {{{name}}}',
  'composer.templates.preview': 'Preview',
  'composer.templates.fill_all': 'Fill in every value to send',
  'composer.templates.send': 'Send template',

  'conversation.template_badge': 'Template',
  'conversation.template_badge_title': 'Sent as an approved template',
} as const;
