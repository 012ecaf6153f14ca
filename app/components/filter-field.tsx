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
