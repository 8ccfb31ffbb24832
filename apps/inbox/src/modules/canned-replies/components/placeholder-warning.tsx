import { t } from '../../../i18n/i18n';

/** Says which `{{placeholders}}` are still in the reply; the composer will not send it until fixed. */
export function PlaceholderWarning({ placeholders }: { placeholders: readonly string[] }) {
  if (placeholders.length === 0) return null;
  return (
    <p className="form-error canned-warning" role="alert" data-testid="canned-placeholder-warning">
      {t('canned.unknown_placeholders', {
        names: placeholders.map((p) => `{{${p}}}`).join(', '),
      })}
    </p>
  );
}
