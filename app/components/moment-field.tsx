'use client';

import { TextInput } from 'nhsuk-react-components';

/** Now, as the value of a datetime-local field in the user's own time zone. */
const localNow = () => {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** A date-and-time field that starts at now. Use with `withExactMoment` on the form's action. */
export function MomentField({
  name,
  label,
  hint,
  error,
  resetKey,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  resetKey?: number;
}) {
  return (
    <TextInput
      id={name}
      name={name}
      type="datetime-local"
      label={label}
      hint={hint}
      width={20}
      defaultValue={localNow()}
      key={`${name}-${resetKey ?? 0}`}
      error={error}
    />
  );
}

/**
 * Wraps a form action so a datetime-local value is sent as an exact moment (ISO, UTC): the browser
 * knows the user's time zone, the server does not. An empty or unreadable value is left out.
 */
export function withExactMoment(name: string, action: (formData: FormData) => void) {
  return (formData: FormData) => {
    const raw = formData.get(name);
    const at = typeof raw === 'string' && raw ? new Date(raw) : null;
    if (at && !Number.isNaN(at.getTime())) formData.set(name, at.toISOString());
    else formData.delete(name);
    action(formData);
  };
}
