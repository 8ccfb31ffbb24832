/** Undo send: a reply waits a few seconds before it leaves (issue 15, item 7). */
export const enUndoSend = {
  'undo_send.toast_one': 'Reply sending in {count} second',
  'undo_send.toast_other': 'Reply sending in {count} seconds',
  'undo_send.sending_in_one': 'Sending in {count} s',
  'undo_send.sending_in_other': 'Sending in {count} s',
  'undo_send.sending': 'Sending…',
  'undo_send.undo': 'Undo',
  'undo_send.undo_label': 'Undo sending this reply',
  'undo_send.undone': 'Reply not sent: it is back in the composer',
  'undo_send.already_sent': 'Already sent: it was too late to undo',
  'undo_send.failed': 'Could not undo: {message}',
  'profile.undo_send': 'Undo send',
  'profile.undo_send.off': 'Off: replies leave at once',
  'profile.undo_send.seconds_one': '{count} second',
  'profile.undo_send.seconds_other': '{count} seconds',
  'profile.undo_send.hint': 'Replies wait this long before they leave, so you can take one back.',
} as const;
