'use client';

import { useActionState } from 'react';
import { Button } from 'nhsuk-react-components';
import { FormErrors, fieldError } from '../../components/form-errors';
import { importFeedAction, type ImportState } from './import-actions';
import { ActionForm } from '../../components/action-form';

export function ImportForm() {
  const [state, action, pending] = useActionState<ImportState | null, FormData>(importFeedAction, null);
  const error = fieldError(state, 'file');
  return (
    <ActionForm state={state} action={action} noValidate>
      <FormErrors result={state} labels={{ file: 'Open Referral UK file (JSON)' }} />
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="file">
          Open Referral UK file (JSON)
        </label>
        <div className="nhsuk-hint" id="file-hint">
          A services feed: a list of services, a page of a /services response, or one service. Services are created or updated by the feed’s
          id.
        </div>
        {error && (
          <span className="nhsuk-error-message" id="file--error-message">
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <input
          className="nhsuk-file-upload"
          id="file"
          name="file"
          type="file"
          accept="application/json,.json"
          aria-describedby={`file-hint${error ? ' file--error-message' : ''}`}
        />
      </div>
      <Button type="submit" secondary disabled={pending}>
        {pending ? 'Importing…' : 'Import'}
      </Button>
      {state?.report && (
        <div role="status" className="nhsuk-inset-text">
          <h3 className="nhsuk-heading-s">
            Imported {state.fileName}: {state.report.created} created, {state.report.updated} updated, {state.report.skipped.length} skipped
          </h3>
          {state.report.skipped.length > 0 && (
            <ul>
              {state.report.skipped.map((s) => (
                <li key={s.index}>
                  Record {s.index + 1}
                  {s.name ? ` “${s.name}”` : ''}
                  {s.id ? ` (id ${s.id})` : ''}: {s.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </ActionForm>
  );
}
