import type {
  ChannelKind,
  CreateInboxRequest,
  InboxDto,
  ReopenPolicy,
  UpdateInboxRequest,
} from '@switchboard/contracts';
import type { MessageKey } from '../../../i18n/en';

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
}

export interface SecretField {
  name: string;
  label: MessageKey;
  /** Offer a random value (secrets only our side and the customer's backend need to share). */
  generate?: boolean;
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

/** The channels an admin can set up from the SPA; telegram and whatsapp go through the API. */
export const EDITABLE_KINDS = ['webchat', 'email', 'api'] as const satisfies readonly ChannelKind[];
export type EditableKind = (typeof EDITABLE_KINDS)[number];

export function isEditableKind(kind: ChannelKind): kind is EditableKind {
  return (EDITABLE_KINDS as readonly string[]).includes(kind);
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
      ...serverFields('imap', 'settings.section.imap'),
      {
        path: 'imap.mailbox',
        type: 'text',
        label: 'settings.field.mailbox',
        section: 'settings.section.imap',
      },
      ...serverFields('smtp', 'settings.section.smtp'),
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
};

/** The section a secret is shown in: each email password sits with its server. */
export function secretSection(kind: EditableKind, name: string): MessageKey {
  if (kind === 'email')
    return name === 'imapPassword' ? 'settings.section.imap' : 'settings.section.smtp';
  return 'settings.section.secrets';
}

/** Defaults of a new inbox, as the channel schemas default them. */
const NEW_SETTINGS: Record<EditableKind, Record<string, unknown>> = {
  webchat: {
    greeting: 'Hi! How can we help you today?',
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
};

export type FieldValue = string | boolean;

export interface InboxFormValues {
  name: string;
  reopenPolicy: ReopenPolicy;
  fields: Record<string, FieldValue>;
  /** Typed secrets only; an empty one means "keep what is stored". */
  secrets: Record<string, string>;
}

function getPath(source: Record<string, unknown>, path: string): unknown {
  let value: unknown = source;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    const child =
      typeof next === 'object' && next !== null ? { ...(next as Record<string, unknown>) } : {};
    node[part] = child;
    node = child;
  }
  const last = parts[parts.length - 1] ?? path;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

function toFieldValue(field: SettingField, value: unknown): FieldValue {
  switch (field.type) {
    case 'checkbox':
      return value === true;
    case 'lines':
      return Array.isArray(value) ? value.map(String).join('\n') : '';
    case 'number':
      return typeof value === 'number' ? String(value) : '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

function fromFieldValue(field: SettingField, value: FieldValue | undefined): unknown {
  if (field.type === 'checkbox') return value === true;
  const text = typeof value === 'string' ? value.trim() : '';
  if (field.type === 'lines')
    return text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
  if (field.type === 'number') return text === '' ? undefined : Number(text);
  if (text === '') return field.emptyAs === 'null' ? null : undefined;
  return text;
}

export function formValuesFor(kind: EditableKind, inbox: InboxDto | null): InboxFormValues {
  const settings = inbox?.settings ?? NEW_SETTINGS[kind];
  const fields: Record<string, FieldValue> = {};
  for (const field of CHANNEL_FORMS[kind].fields)
    fields[field.path] = toFieldValue(field, getPath(settings, field.path));
  return {
    name: inbox?.name ?? '',
    reopenPolicy: inbox?.reopenPolicy ?? 'reopen',
    fields,
    secrets: {},
  };
}

/**
 * The settings object to send. It starts from what is stored, so settings the form does not show
 * (imap.sentFolder, autoAcknowledgement …) survive an edit of their neighbours.
 */
export function settingsFromForm(
  kind: EditableKind,
  values: InboxFormValues,
  stored: Record<string, unknown> = {},
): Record<string, unknown> {
  const settings: Record<string, unknown> = structuredClone(stored);
  for (const field of CHANNEL_FORMS[kind].fields)
    setPath(settings, field.path, fromFieldValue(field, values.fields[field.path]));
  return settings;
}

/** Only the secrets the operator typed: the server keeps the others. */
export function typedSecrets(values: InboxFormValues): Record<string, string> {
  return Object.fromEntries(Object.entries(values.secrets).filter(([, v]) => v.length > 0));
}

export function createRequest(kind: EditableKind, values: InboxFormValues): CreateInboxRequest {
  return {
    kind,
    name: values.name.trim(),
    reopenPolicy: values.reopenPolicy,
    settings: settingsFromForm(kind, values),
    secrets: typedSecrets(values),
  };
}

export function updateRequest(
  inbox: InboxDto,
  kind: EditableKind,
  values: InboxFormValues,
): UpdateInboxRequest {
  const secrets = typedSecrets(values);
  return {
    name: values.name.trim(),
    reopenPolicy: values.reopenPolicy,
    settings: settingsFromForm(kind, values, inbox.settings),
    ...(Object.keys(secrets).length > 0 ? { secrets } : {}),
  };
}

/** 32 random bytes as hex: long enough for every channel's secret minimum. */
export function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
