/**
 * English strings for connecting email inboxes with Google and Microsoft (OAuth 2.0), and for the
 * page the providers send the browser back to. Spread into en.ts, so they are ordinary keys.
 */
export const enEmailOAuth = {
  'email_oauth.title': 'Sign-in',
  'email_oauth.hint':
    'Gmail, Google Workspace and Microsoft 365 no longer take passwords: connect the mailbox instead.',
  'email_oauth.connect_google': 'Connect Google',
  'email_oauth.connect_microsoft': 'Connect Microsoft',
  'email_oauth.provider.google': 'Google',
  'email_oauth.provider.microsoft': 'Microsoft',
  'email_oauth.connected': 'Connected with {provider} as {account}',
  'email_oauth.passwords': 'Signs in with passwords.',
  'email_oauth.reconnect': 'Reconnect',
  'email_oauth.reconnect_needed':
    '{provider} no longer accepts this inbox’s sign-in. Reconnect the mailbox to receive and send mail again.',
  'email_oauth.needs_address': 'Enter the inbox name and the mailbox address first.',
  'email_oauth.starting': 'Opening {provider}…',
  'email_oauth.start_error': 'Could not start: {message}',
  'email_oauth.callback.working': 'Connecting the mailbox…',
  'email_oauth.callback.failed': 'The mailbox was not connected: {message}',
  'email_oauth.callback.missing': 'This page is reached from Google or Microsoft after signing in.',
  'email_oauth.callback.back': 'Back to settings',
  'settings.field.self_signed_host': 'Accept a self-signed certificate from',
  'settings.field.self_signed_host_hint':
    'Only for your own mail server: its exact IMAP or SMTP host name. Its certificate is then not checked, so use it only on a network you trust.',
} as const;
