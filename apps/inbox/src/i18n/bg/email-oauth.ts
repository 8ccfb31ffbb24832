import type { BulgarianCatalog } from '../catalog';

/** Bulgarian for en-email-oauth.ts: connecting Google and Microsoft mailboxes. */
export const bgEmailOAuth = {
  'email_oauth.title': 'Вход',
  'email_oauth.hint':
    'Gmail, Google Workspace и Microsoft 365 вече не приемат пароли: вместо това свържете пощенската кутия.',
  'email_oauth.connect_google': 'Свържи Google',
  'email_oauth.connect_microsoft': 'Свържи Microsoft',
  'email_oauth.provider.google': 'Google',
  'email_oauth.provider.microsoft': 'Microsoft',
  'email_oauth.connected': 'Свързано с {provider} като {account}',
  'email_oauth.passwords': 'Влиза с пароли.',
  'email_oauth.reconnect': 'Свържи отново',
  'email_oauth.reconnect_needed':
    '{provider} вече не приема входа на тази кутия. Свържете пощата отново, за да получавате и изпращате писма.',
  'email_oauth.needs_address': 'Първо въведете името на кутията и адреса на пощата.',
  'email_oauth.starting': 'Отваряне на {provider}…',
  'email_oauth.start_error': 'Не можа да започне: {message}',
  'email_oauth.callback.working': 'Свързване на пощата…',
  'email_oauth.callback.failed': 'Пощата не беше свързана: {message}',
  'email_oauth.callback.missing': 'Към тази страница се стига от Google или Microsoft след вход.',
  'email_oauth.callback.back': 'Обратно към настройките',
  'settings.field.self_signed_host': 'Приемай самоподписан сертификат от',
  'settings.field.self_signed_host_hint':
    'Само за ваш собствен пощенски сървър: точното име на IMAP или SMTP хоста. Сертификатът му тогава не се проверява, затова го ползвайте само в мрежа, на която имате доверие.',
} satisfies Partial<BulgarianCatalog>;
