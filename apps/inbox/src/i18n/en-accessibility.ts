/** English strings said only to screen readers (live announcements). */
export const enAccessibility = {
  'a11y.new_conversation': 'New conversation from {name} via {channel}',
} as const;
