import type { ChannelKind } from '@switchboard/contracts';
import type { MessageKey } from '../../../i18n/en';
import { t } from '../../../i18n/i18n';

/**
 * One form field per channel setting, read from the channel's settings schema in libs/channels
 * (the SPA imports no zod, so the shapes are mirrored here and the server stays the validator).
 */
export type FieldType = 'text' | 'textarea' | 'lines' | 'number' | 'checkbox' | 'select';

export interface SettingField {
  /** Dotted path into `settings` ("imap.host"). */
  path: string;
  type: FieldType;
  label: MessageKey;
  section: MessageKey;
  options?: ReadonlyArray<{ value: string; label: MessageKey }>;
  /** Empty text is sent as null (nullish settings) rather than left out. */
  emptyAs?: 'omit' | 'null';
  inputType?: 'url' | 'email' | 'color';
  /** What to type, shown under the field. */
  hint?: MessageKey;
  /** Identifiers and numbers read left to right in every language. */
  ltr?: boolean;
}

export interface SecretField {
  name: string;
  label: MessageKey;
  /** Offer a random value (secrets only our side and the customer's backend need to share). */
  generate?: boolean;
  /** Where to get it, shown under the field. */
  hint?: MessageKey;
  hintLink?: { href: string; label: MessageKey };
  /** A new inbox cannot work without it (the browser asks before the server refuses). */
  required?: boolean;
}

export interface ChannelForm {
  fields: readonly SettingField[];
  secrets: readonly SecretField[];
}

const SECURITY_OPTIONS = [
  { value: 'tls', label: 'settings.security.tls' },
  { value: 'starttls', label: 'settings.security.starttls' },
  { value: 'none', label: 'settings.security.none' },
] as const;

function serverFields(prefix: 'imap' | 'smtp', section: MessageKey): SettingField[] {
  return [
    { path: `${prefix}.host`, type: 'text', label: 'settings.field.host', section },
    { path: `${prefix}.port`, type: 'number', label: 'settings.field.port', section },
    {
      path: `${prefix}.security`,
      type: 'select',
      label: 'settings.field.security',
      section,
      options: SECURITY_OPTIONS,
    },
    { path: `${prefix}.user`, type: 'text', label: 'settings.field.user', section },
  ];
}

/** The channels an admin can set up from the SPA (whatsapp: WhatsApp and SMS through Twilio). */
export const EDITABLE_KINDS = [
  'webchat',
  'email',
  'telegram',
  'whatsapp',
  'api',
] as const satisfies readonly ChannelKind[];
export type EditableKind = (typeof EDITABLE_KINDS)[number];

export function isEditableKind(kind: ChannelKind): kind is EditableKind {
  return (EDITABLE_KINDS as readonly string[]).includes(kind);
}

/** How the settings screen names a kind: one adapter serves WhatsApp senders and SMS numbers. */
export function kindLabel(kind: EditableKind): MessageKey {
  return kind === 'whatsapp' ? 'settings.kind.twilio' : `channel.${kind}`;
}

export const CHANNEL_FORMS: Record<EditableKind, ChannelForm> = {
  webchat: {
    fields: [
      {
        path: 'greeting',
        type: 'textarea',
        label: 'settings.field.greeting',
        section: 'settings.section.widget',
      },
      {
        path: 'accentColor',
        type: 'text',
        inputType: 'color',
        label: 'settings.field.accent_color',
        section: 'settings.section.widget',
      },
      {
        path: 'officeHoursMessage',
        type: 'text',
        label: 'settings.field.office_hours',
        section: 'settings.section.widget',
      },
      {
        path: 'askEmail',
        type: 'checkbox',
        label: 'settings.field.ask_email',
        section: 'settings.section.widget',
      },
      {
        path: 'allowedOrigins',
        type: 'lines',
        label: 'settings.field.allowed_origins',
        section: 'settings.section.widget',
      },
      {
        path: 'newConversationsPerIpPerHour',
        type: 'number',
        label: 'settings.field.per_ip_limit',
        section: 'settings.section.widget',
      },
    ],
    secrets: [{ name: 'hmacSecret', label: 'settings.field.hmac_secret', generate: true }],
  },
  email: {
    fields: [
      {
        path: 'fromAddress',
        type: 'text',
        inputType: 'email',
        label: 'settings.field.from_address',
        section: 'settings.section.general',
      },
      {
        path: 'fromName',
        type: 'text',
        label: 'settings.field.from_name',
        section: 'settings.section.general',
        emptyAs: 'null',
      },
      {
        path: 'historyDays',
        type: 'number',
        label: 'settings.field.history_days',
        section: 'settings.section.general',
      },
      {
        path: 'signature',
        type: 'textarea',
        label: 'settings.field.signature',
        section: 'settings.section.general',
        hint: 'settings.field.signature_hint',
        emptyAs: 'null',
      },
      ...serverFields('imap', 'settings.section.imap'),
      {
        path: 'imap.mailbox',
        type: 'text',
        label: 'settings.field.mailbox',
        section: 'settings.section.imap',
      },
      ...serverFields('smtp', 'settings.section.smtp'),
      {
        path: 'selfSignedCertificateHost',
        type: 'text',
        label: 'settings.field.self_signed_host',
        hint: 'settings.field.self_signed_host_hint',
        section: 'settings.section.smtp',
        emptyAs: 'null',
        ltr: true,
      },
    ],
    secrets: [
      { name: 'imapPassword', label: 'settings.field.password' },
      { name: 'smtpPassword', label: 'settings.field.password' },
    ],
  },
  api: {
    fields: [
      {
        path: 'outboundUrl',
        type: 'text',
        inputType: 'url',
        label: 'settings.field.outbound_url',
        section: 'settings.section.delivery',
      },
    ],
    secrets: [{ name: 'signingSecret', label: 'settings.field.signing_secret', generate: true }],
  },
  // Everything else (bot name, username, delivery) the server learns from Telegram with the token.
  telegram: {
    fields: [],
    secrets: [
      {
        name: 'botToken',
        label: 'settings.field.bot_token',
        hint: 'settings.telegram.token_hint',
        hintLink: { href: 'https://t.me/BotFather', label: 'settings.telegram.botfather_link' },
        required: true,
      },
    ],
  },
  // The account's name and the reply window the server learns from Twilio and the sender.
  whatsapp: {
    fields: [
      {
        path: 'accountSid',
        type: 'text',
        label: 'settings.field.account_sid',
        section: 'settings.section.twilio',
        hint: 'settings.field.account_sid_hint',
        ltr: true,
      },
      {
        path: 'sender',
        type: 'text',
        label: 'settings.field.sender',
        section: 'settings.section.twilio',
        hint: 'settings.field.sender_hint',
        ltr: true,
      },
    ],
    secrets: [
      {
        name: 'authToken',
        label: 'settings.field.auth_token',
        hint: 'settings.twilio.token_hint',
        hintLink: {
          href: 'https://console.twilio.com/',
          label: 'settings.twilio.console_link',
        },
        required: true,
      },
    ],
  },
};

/** The section a secret is shown in: each email password sits with its server. */
export function secretSection(kind: EditableKind, name: string): MessageKey {
  if (kind === 'email')
    return name === 'imapPassword' ? 'settings.section.imap' : 'settings.section.smtp';
  if (kind === 'telegram') return 'settings.section.bot';
  if (kind === 'whatsapp') return 'settings.section.twilio';
  return 'settings.section.secrets';
}

/** Defaults of a new inbox, as the channel schemas default them. */
export const NEW_SETTINGS: Record<EditableKind, Record<string, unknown>> = {
  webchat: {
    // The visitor sees it as written: a new inbox starts with it in the operator's language.
    get greeting() {
      return t('settings.field.greeting_default');
    },
    accentColor: '#2563eb',
    allowedOrigins: [],
    askEmail: true,
    officeHoursMessage: '',
    newConversationsPerIpPerHour: 20,
  },
  email: {
    fromAddress: '',
    fromName: '',
    historyDays: 30,
    imap: { host: '', port: 993, security: 'tls', user: '', mailbox: 'INBOX' },
    smtp: { host: '', port: 465, security: 'tls', user: '' },
  },
  api: {},
  telegram: {},
  whatsapp: { accountSid: '', sender: '' },
};
