/**
 * English strings for channel-specific parts of the UI (Telegram first): bot connection, replies to
 * a specific customer message, edits, files still being fetched, unreachable customers. Kept apart
 * from en.ts so neither file needs scrolling; en.ts spreads these in, so they are ordinary keys.
 */
export const enChannels = {
  'settings.section.bot': 'Bot',
  'settings.field.bot_token': 'Bot token',
  'settings.telegram.token_hint':
    'In Telegram, send /newbot to @BotFather and paste the token it answers with (like 123456789:AAH…).',
  'settings.telegram.botfather_link': 'Open @BotFather',
  'settings.telegram.title': 'Connected bot',
  'settings.telegram.name': 'Name',
  'settings.telegram.username': 'Username',
  'settings.telegram.link': 'Link for customers',
  'settings.telegram.delivery': 'Updates arrive by',
  'settings.telegram.delivery.webhook': 'Webhook',
  'settings.telegram.delivery.polling': 'Long polling (no public https URL)',
  'settings.telegram.not_connected': 'No bot connected yet.',
  'settings.connection_error': 'The channel cannot work: {message}',
  'settings.remove.button': 'Remove inbox',
  'settings.remove.question': 'Remove “{name}”?',
  'settings.remove.consequence': 'Conversations stay; the channel stops receiving.',
  'settings.remove.confirm': 'Yes, remove it',
  'settings.remove.cancel': 'Cancel',
  'settings.remove.removing': 'Removing…',
  'settings.remove.error': 'Could not remove the inbox: {message}',
  'settings.remove.done': 'Inbox “{name}” removed',
  'settings.remove.delete_history': 'Also delete its conversations, messages and files',
  'settings.remove.consequence_history':
    'Its conversations, messages and files are deleted for good; reports keep their numbers. This cannot be undone.',
  'settings.remove.type_name': 'Type “{name}” to confirm',
  'settings.remove.confirm_delete': 'Remove and delete everything',
  'settings.remove.done_deleting': 'Inbox “{name}” removed; its conversations are being deleted',
  'settings.pause.title': 'Receiving',
  'settings.pause.running': 'New messages are fetched as they arrive.',
  'settings.pause.paused':
    'Paused since {time}: nothing is fetched. New messages wait at the provider and arrive when you resume.',
  'settings.pause.hint': 'Replies to existing conversations still go out while paused.',
  'settings.pause.button': 'Pause receiving',
  'settings.pause.resume': 'Resume',
  'settings.pause.saving': 'Saving…',
  'settings.pause.error': 'Could not change it: {message}',
  'settings.pause.badge': 'Paused',

  'conversation.reply_to': 'Reply',
  'conversation.reply_to_label': 'Reply to this message from {name}',
  'conversation.in_reply_to': 'In reply to',
  'conversation.reply_no_text': 'A message without text',
  'conversation.edited': 'edited',
  'conversation.edited_at': 'Edited {time}',
  'conversation.unreachable': 'The customer cannot be reached: {reason}',
  'conversation.unreachable_hint': 'You can still write, but the reply will probably fail.',
  'conversation.identity.language': 'App language: {language}',

  'composer.replying_to': 'Replying to:',
  'composer.replying_to_cancel': 'Cancel the reply to this message (Esc)',

  'attachment.pending': 'Fetching file…',
  'attachment.unavailable': 'File not available',

  'activity.customer_unreachable': 'The customer can no longer be reached: {reason}',
  'activity.customer_reachable': 'The customer can be reached again',
} as const;
