import type { ReactNode } from 'react';

/**
 * One field of a GET filter form (lists and measures): the NHS.UK form group with its label and,
 * when the filter was refused, the message at the field. The control's id must be `id`.
 */
export function FilterField({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {error && (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      {children}
    </div>
  );
}

/**
 * A filter that is a choice from a list, the first option ("Any …") meaning no filter: what most
 * filter forms are. `value` is the choice the page was made with.
 */
export function FilterSelect({
  id,
  label,
  error,
  value,
  any,
  options,
}: {
  id: string;
  label: string;
  error?: string;
  value?: string;
  /** The words of the first option, which filters nothing (e.g. "Any reason"). */
  any: string;
  options: { value: string; label: string }[];
}) {
  return (
    <FilterField id={id} label={label} error={error}>
      <select className="nhsuk-select" id={id} name={id} defaultValue={value ?? ''} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}
