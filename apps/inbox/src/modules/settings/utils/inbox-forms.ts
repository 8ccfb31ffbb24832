import type {
  CreateInboxRequest,
  InboxDto,
  ReopenPolicy,
  UpdateInboxRequest,
} from '@switchboard/contracts';
import { CHANNEL_FORMS, NEW_SETTINGS, type EditableKind, type SettingField } from './channel-forms';
import { getPath, setPath } from './settings-path';

export type FieldValue = string | boolean;

export interface InboxFormValues {
  name: string;
  reopenPolicy: ReopenPolicy;
  fields: Record<string, FieldValue>;
  /** Typed secrets only; an empty one means "keep what is stored". */
  secrets: Record<string, string>;
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
  // Settings sent back make the server reconnect the channel: a form with no settings of its own
  // (Telegram's come from the bot) sends none, so renaming the inbox does not touch the bot.
  const hasFields = CHANNEL_FORMS[kind].fields.length > 0;
  return {
    name: values.name.trim(),
    reopenPolicy: values.reopenPolicy,
    ...(hasFields ? { settings: settingsFromForm(kind, values, inbox.settings) } : {}),
    ...(Object.keys(secrets).length > 0 ? { secrets } : {}),
  };
}

/** 32 random bytes as hex: long enough for every channel's secret minimum. */
export function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
