import { t } from '../../../i18n/i18n';

export interface MemberOption {
  id: string;
  label: string;
}

/** A labelled group of checkboxes choosing members (operators or teams) by id. */
export function MemberCheckboxes({
  legend,
  options,
  chosen,
  onToggle,
  testId,
  disabled,
}: {
  legend: string;
  options: MemberOption[];
  chosen: readonly string[];
  onToggle: (id: string, on: boolean) => void;
  testId: string;
  disabled?: boolean;
}) {
  return (
    <fieldset className="access-members" data-testid={testId} disabled={disabled}>
      <legend>{legend}</legend>
      {options.length === 0 && <p className="settings-hint">{t('access.none_to_choose')}</p>}
      {options.map((o) => (
        <label key={o.id} className="access-members__option">
          <input
            type="checkbox"
            value={o.id}
            checked={chosen.includes(o.id)}
            onChange={(e) => onToggle(o.id, e.target.checked)}
          />
          <bdi>{o.label}</bdi>
        </label>
      ))}
    </fieldset>
  );
}
