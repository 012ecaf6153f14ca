'use client';

import { TextInput } from 'nhsuk-react-components';
import { parseMoment, toWallTime } from '../../server/calendar/england-time';

/**
 * A date-and-time field that starts at now, or at `kept` (the exact moment sent, as `withExactMoment`
 * sends it) after a refused submission. Use with `withExactMoment` on the form's action.
 */
export function MomentField({
  name,
  label,
  hint,
  error,
  resetKey,
  kept,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  resetKey?: number;
  kept?: string;
}) {
  const keptAt = kept ? Date.parse(kept) : Number.NaN;
  return (
    <TextInput
      id={name}
      name={name}
      type="datetime-local"
      label={label}
      hint={hint ?? 'UK time'}
      width={20}
      defaultValue={toWallTime(Number.isNaN(keptAt) ? Date.now() : keptAt)}
      key={`${name}-${resetKey ?? 0}`}
      error={error}
    />
  );
}

/**
 * Wraps a form action so a datetime-local value, England's clock time as every time carenav shows
 * is (whatever zone the browser is in), is sent as an exact moment (ISO, UTC). An empty or
 * unreadable value is left out.
 */
export function withExactMoment(name: string, action: (formData: FormData) => void) {
  return (formData: FormData) => {
    const raw = formData.get(name);
    const at = typeof raw === 'string' && raw ? parseMoment(raw) : Number.NaN;
    if (!Number.isNaN(at)) formData.set(name, new Date(at).toISOString());
    else formData.delete(name);
    action(formData);
  };
}
