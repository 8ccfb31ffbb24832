import type { ContactMergeReason, ContactMergeWarning } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';

/** "Same phone +44…", "Typed bea@… in the chat (not confirmed)". */
export function mergeReasonText(reason: ContactMergeReason): string {
  switch (reason.kind) {
    case 'email':
      return t('contact_merge.reason.email', { value: reason.value });
    case 'phone':
      return t('contact_merge.reason.phone', { value: reason.value });
    case 'widget_email':
      return reason.confirmed
        ? t('contact_merge.reason.widget_email_confirmed', { value: reason.value })
        : t('contact_merge.reason.widget_email', { value: reason.value });
  }
}

/** A field of the preview by its name: a card field, or `attributes.<key>` for an attribute. */
export function mergeFieldLabel(field: string, attributeLabels: Record<string, string>): string {
  if (field.startsWith('attributes.')) {
    const key = field.slice('attributes.'.length);
    return attributeLabels[key] ?? key;
  }
  switch (field) {
    case 'name':
      return t('contact_merge.field.name');
    case 'email':
      return t('contact_merge.field.email');
    case 'phone':
      return t('contact_merge.field.phone');
    case 'notes':
      return t('contact_merge.field.notes');
    default:
      return field;
  }
}

export function mergeWarningText(
  warning: ContactMergeWarning,
  attributeLabels: Record<string, string>,
): string {
  switch (warning.code) {
    case 'both_have_open_conversations':
      return t('contact_merge.warning.both_open');
    case 'values_differ':
      return t('contact_merge.warning.values_differ', {
        fields: warning.fields.map((f) => mergeFieldLabel(f, attributeLabels)).join(', '),
      });
    case 'hidden_conversations':
      return t('contact_merge.warning.hidden', { count: warning.count });
  }
}

/** A field value as the preview shows it. */
export function mergeValueText(value: string | number | boolean | null): string {
  if (value === null || value === '') return t('contact_merge.value.none');
  if (typeof value === 'boolean')
    return value ? t('contact_merge.value.yes') : t('contact_merge.value.no');
  return String(value);
}
