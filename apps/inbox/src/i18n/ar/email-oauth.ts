import type { ArabicCatalog } from '../catalog';

/** Arabic for en-email-oauth.ts: connecting Google and Microsoft mailboxes with OAuth. */
export const arEmailOAuth = {
  'email_oauth.title': 'تسجيل الدخول',
  'email_oauth.hint':
    'لم تعد Gmail وGoogle Workspace وMicrosoft 365 تقبل كلمات المرور: اربط صندوق البريد بدلًا من ذلك.',
  'email_oauth.connect_google': 'الربط مع Google',
  'email_oauth.connect_microsoft': 'الربط مع Microsoft',
  'email_oauth.provider.google': 'Google',
  'email_oauth.provider.microsoft': 'Microsoft',
  'email_oauth.connected': 'مرتبط مع {provider} بالحساب {account}',
  'email_oauth.passwords': 'يسجّل الدخول بكلمات المرور.',
  'email_oauth.reconnect': 'إعادة الربط',
  'email_oauth.reconnect_needed':
    'لم يعد {provider} يقبل تسجيل دخول صندوق الوارد هذا. أعد ربط صندوق البريد لاستقبال البريد وإرساله مجددًا.',
  'email_oauth.needs_address': 'أدخل اسم صندوق الوارد وعنوان صندوق البريد أولًا.',
  'email_oauth.starting': 'جارٍ فتح {provider}…',
  'email_oauth.start_error': 'تعذّر البدء: {message}',
  'email_oauth.callback.working': 'جارٍ ربط صندوق البريد…',
  'email_oauth.callback.failed': 'لم يُربط صندوق البريد: {message}',
  'email_oauth.callback.missing': 'يُوصَل إلى هذه الصفحة من Google أو Microsoft بعد تسجيل الدخول.',
  'email_oauth.callback.back': 'العودة إلى الإعدادات',
  'settings.field.self_signed_host': 'قبول شهادة موقّعة ذاتيًا من',
  'settings.field.self_signed_host_hint':
    'لخادم بريدك الخاص فقط: اسم مضيف IMAP أو SMTP بالضبط. لن يُتحقق بعدها من شهادته، فاستخدمه فقط على شبكة تثق بها.',
} satisfies Partial<ArabicCatalog>;
