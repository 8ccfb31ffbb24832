/**
 * A multi-select as a group of checkboxes (inboxes, operators, channels ...): every choice is
 * reachable by keyboard and read out with its own label.
 */
export function CheckList({
  legend,
  options,
  selected,
  onChange,
  invalid,
  describedBy,
  testId,
}: {
  legend: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  invalid?: boolean;
  describedBy?: string;
  testId?: string;
}) {
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset
      className="rule-checklist"
      data-testid={testId}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
    >
      <legend className="visually-hidden">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="rule-checklist__item">
          <input
            type="checkbox"
            value={option.value}
            checked={selected.includes(option.value)}
            onChange={(e) => toggle(option.value, e.target.checked)}
          />
          <bdi>{option.label}</bdi>
        </label>
      ))}
    </fieldset>
  );
}
