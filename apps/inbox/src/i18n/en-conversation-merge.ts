/**
 * English strings for merging and splitting conversations: the header's "Merge into…" dialog,
 * "Split from here" on a message, the merged conversation's banner, "Reply via" in the composer
 * and the timeline activities. en.ts spreads these in, so they are ordinary keys.
 */
export const enConversationMerge = {
  'merge.action': 'Merge into…',
  'merge.dialog.title': 'Merge #{number} into another conversation',
  'merge.dialog.intro':
    'Every message of #{number} moves into the conversation you pick, in time order; #{number} is closed and points there.',
  'merge.dialog.same_customer': "This customer's other conversations",
  'merge.dialog.none': 'This customer has no other conversation to merge into.',
  'merge.dialog.loading': 'Loading…',
  'merge.dialog.by_number': 'Or a conversation number',
  'merge.dialog.find': 'Find',
  'merge.dialog.not_found': 'No conversation #{number} that you can open.',
  'merge.dialog.candidate': '#{number} · {inbox} · {status}',
  'merge.status.open': 'open',
  'merge.status.snoozed': 'snoozed',
  'merge.status.closed': 'closed',
  'merge.dialog.confirm': 'Merge #{source} into #{target}?',
  'merge.dialog.confirm_body':
    'The messages of #{source} join #{target}. #{source} is closed for good; new messages from its channel go to #{target}.',
  'merge.dialog.other_customer':
    '#{source} and #{target} belong to different customers. Merge them anyway?',
  'merge.dialog.submit': 'Merge',
  'merge.dialog.submit_anyway': 'Merge anyway',
  'merge.dialog.back': 'Back',
  'merge.dialog.cancel': 'Cancel',
  'merge.done': '#{source} was merged into #{target}',
  'merge.failed': 'Could not merge: {message}',
  'merge.banner': 'This conversation was merged into #{number}.',
  'merge.banner.open': 'Open #{number}',
  'split.action': 'Split from here',
  'split.with_following': 'and everything after',
  'split.confirm': 'Move to a new conversation',
  'split.cancel': 'Cancel',
  'split.done': 'Moved to the new conversation #{number}',
  'split.failed': 'Could not split: {message}',
  'reply_via.label': 'Reply via',
  'reply_via.option': '{inbox} ({channel})',
  'merge.moved_one': '{count} message',
  'merge.moved_other': '{count} messages',
  'activity.conversation_merged': '{actor} merged #{number} into this conversation ({moved})',
  'activity.merged_into': '{actor} merged this conversation into #{number} ({moved})',
  'activity.split_from': '{actor} split this conversation out of #{number} ({moved})',
  'activity.split_into': '{actor} moved {moved} to the new conversation #{number}',
  'activity.open_linked': 'Open #{number}',
} as const;
