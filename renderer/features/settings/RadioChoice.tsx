// One choice out of a few, as a labelled radio group: each option a card with its name and a hint.
export function RadioChoice<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  label,
  hint,
  note,
}: {
  name: string;
  legend: string;
  options: readonly T[];
  value: T;
  onChange: (next: T) => void;
  label: (option: T) => string;
  hint: (option: T) => string;
  /** A line under the options, such as when the choice takes effect. */
  note: string;
}) {
  return (
    <fieldset className="radio-choice">
      <legend>{legend}</legend>
      <div className="radio-options">
        {options.map((option) => (
          <label key={option} className="radio-option">
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
            />
            <span>
              <strong>{label(option)}</strong>
              <span className="muted">{hint(option)}</span>
            </span>
          </label>
        ))}
      </div>
      <p className="hint muted">{note}</p>
    </fieldset>
  );
}
