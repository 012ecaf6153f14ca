'use client';

import { useEffect, useRef, useState, type FormHTMLAttributes, type ReactNode, type RefObject } from 'react';
import type { FormResult } from '../../server/trpc/form-result';
import { fieldValue } from './form-errors';

type Props = Omit<FormHTMLAttributes<HTMLFormElement>, 'action'> & {
  /** The form's last answer from `useActionState`. */
  state: FormResult | null;
  /** The action from `useActionState` (or a wrapper of it, e.g. `withExactMoment`). */
  action: (formData: FormData) => void;
  children: ReactNode;
  /** For a form that also needs its element (e.g. to submit itself again). */
  formRef?: RefObject<HTMLFormElement | null>;
};

/**
 * Every form that posts to a server action through `useActionState` (test/forms-keep-input.test.ts
 * checks that each one does).
 *
 * React resets a form after its action has run, and a select's, radio's or checkbox's default is
 * read only when it mounts, so without this a refused form comes back with choices gone. The form
 * is keyed by the answer's `at`: each answer mounts its fields again, so the kept `values` (read
 * with `fieldValue` / `fieldChecked`) are their defaults again. Focus goes back to the control
 * that had it (the error summary then takes it when there is one).
 */
export function ActionForm({ state, action, children, noValidate = true, formRef, ...rest }: Props) {
  const own = useRef<HTMLFormElement>(null);
  const form = formRef ?? own;
  const focused = useRef(-1);
  const at = state?.at ?? 0;
  useEffect(() => {
    if (!at || !form.current) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const element = form.current.elements[focused.current];
    if (element instanceof HTMLElement) element.focus();
  }, [at]);
  return (
    <form
      {...rest}
      key={at}
      ref={form}
      action={action}
      noValidate={noValidate}
      onFocus={(event) => {
        focused.current = Array.from(event.currentTarget.elements).indexOf(event.target);
      }}
    >
      {children}
    </form>
  );
}

/**
 * A value that drives what a form shows (a choice that reveals another field): starts from what was
 * kept after a refused submission, and again from it (or `fallback` after a success) on each answer.
 */
export function useKeptValue(state: FormResult | null, field: string, fallback = ''): [string, (value: string) => void] {
  const kept = state?.ok ? fallback : fieldValue(state, field, fallback);
  const [value, setValue] = useState(kept);
  const [seen, setSeen] = useState(state?.at);
  if (state?.at !== seen) {
    setSeen(state?.at);
    setValue(kept);
  }
  return [value, setValue];
}
