import type { RussianCatalog } from '../catalog';

/** Russian for en-email-oauth.ts: connecting Gmail and Microsoft 365 mailboxes by OAuth. */
export const ruEmailOAuth = {
  'email_oauth.title': 'Вход',
  'email_oauth.hint':
    'Gmail, Google Workspace и Microsoft 365 больше не принимают пароли: вместо этого подключите ящик.',
  'email_oauth.connect_google': 'Подключить Google',
  'email_oauth.connect_microsoft': 'Подключить Microsoft',
  'email_oauth.provider.google': 'Google',
  'email_oauth.provider.microsoft': 'Microsoft',
  'email_oauth.connected': 'Подключено через {provider} как {account}',
  'email_oauth.passwords': 'Вход по паролю.',
  'email_oauth.reconnect': 'Подключить заново',
  'email_oauth.reconnect_needed':
    '{provider} больше не принимает вход этого канала. Подключите ящик заново, чтобы снова получать и отправлять почту.',
  'email_oauth.needs_address': 'Сначала укажите название канала и адрес ящика.',
  'email_oauth.starting': 'Открываем {provider}…',
  'email_oauth.start_error': 'Не удалось начать: {message}',
  'email_oauth.callback.working': 'Подключаем ящик…',
  'email_oauth.callback.failed': 'Ящик не подключён: {message}',
  'email_oauth.callback.missing': 'На эту страницу попадают из Google или Microsoft после входа.',
  'email_oauth.callback.back': 'Назад к настройкам',
  'settings.field.self_signed_host': 'Принимать самоподписанный сертификат от',
  'settings.field.self_signed_host_hint':
    'Только для собственного почтового сервера: точное имя его IMAP- или SMTP-хоста. Его сертификат не будет проверяться, поэтому используйте это только в доверенной сети.',
} satisfies Partial<RussianCatalog>;
