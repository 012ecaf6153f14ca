'use client';

import { useActionState } from 'react';
import { Button, Radios, TextInput, Textarea } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../../components/form-errors';
import type { FormResult } from '../../../server/trpc/form-result';
import { updatePatientAction } from './actions';
import { ActionForm } from '../../components/action-form';

export type EditField = {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'risk';
  value: string;
  hint?: string;
};

/** Edits some fields of the record; the version read is sent back so a concurrent change is caught. */
export function EditForm({
  patientId,
  version,
  fields,
  cancelHref,
}: {
  patientId: string;
  version: number;
  fields: EditField[];
  cancelHref: string;
}) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(updatePatientAction, null);
  const conflict = state && !state.ok && !state.fieldErrors;
  return (
    <ActionForm state={state} action={action} noValidate>
      <FormErrors result={state} labels={Object.fromEntries(fields.map((f) => [f.name, f.label]))} />
      {conflict && (
        <p>
          <button type="button" className="carenav-link-button" onClick={() => window.location.reload()}>
            Reload the latest version
          </button>{' '}
          (what you typed here will be lost: copy it first if you need it)
        </p>
      )}
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="expectedVersion" value={version} />
      {fields.map((f) => {
        const value = fieldValue(state, f.name, f.value);
        const error = fieldError(state, f.name);
        const key = `${f.name}-${state?.at ?? 0}`;
        if (f.kind === 'risk') {
          return (
            <Radios key={key} id={f.name} idPrefix={f.name} name={f.name} legend={f.label} inline error={error}>
              {(['low', 'medium', 'high'] as const).map((r) => (
                <Radios.Item key={r} value={r} defaultChecked={value === r}>
                  {r[0]?.toUpperCase() + r.slice(1)}
                </Radios.Item>
              ))}
            </Radios>
          );
        }
        if (f.kind === 'textarea') {
          return <Textarea key={key} id={f.name} name={f.name} label={f.label} hint={f.hint} rows={4} defaultValue={value} error={error} />;
        }
        return <TextInput key={key} id={f.name} name={f.name} label={f.label} hint={f.hint} defaultValue={value} error={error} />;
      })}
      <div className="nhsuk-button-group">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save changes'}
        </Button>
        <a className="nhsuk-link" href={cancelHref}>
          Cancel
        </a>
      </div>
    </ActionForm>
  );
}
