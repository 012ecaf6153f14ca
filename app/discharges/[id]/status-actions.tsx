'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button, Textarea } from 'nhsuk-react-components';
import { MomentField, withExactMoment } from '../../components/moment-field';
import { ChoiceField } from '../../components/choice-field';
import { FormErrors, fieldError, fieldValue } from '../../components/form-errors';
import { ActionForm } from '../../components/action-form';
import type { FormResult } from '../../../server/trpc/form-result';
import { changeDischargeStatusAction } from '../actions';

type Props = { dischargeId: string; status: string; followUpTaskId: string | null; closeReasons: readonly string[] };

/** What can happen next to a discharge, for those who manage it: one form per next step. */
export function StatusActions({ dischargeId, status, followUpTaskId, closeReasons }: Props) {
  return (
    <>
      {status === 'flagged' && <SimpleStep dischargeId={dischargeId} to="planned" label="Mark as planned" />}
      {(status === 'flagged' || status === 'planned') && <HomeStep dischargeId={dischargeId} />}
      {status === 'home' && followUpTaskId && (
        <p>
          <Link href={`/tasks/${followUpTaskId}`}>Record the follow-up contact</Link> to mark this discharge followed up.
        </p>
      )}
      {status === 'followed_up' && <SimpleStep dischargeId={dischargeId} to="closed" label="Close the discharge" />}
      {(status === 'flagged' || status === 'planned' || status === 'home') && (
        <CloseEarly dischargeId={dischargeId} reasons={closeReasons} />
      )}
    </>
  );
}

function SimpleStep({ dischargeId, to, label }: { dischargeId: string; to: string; label: string }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(changeDischargeStatusAction, null);
  return (
    <ActionForm state={state} action={action}>
      <FormErrors result={state} />
      <input type="hidden" name="dischargeId" value={dischargeId} />
      <input type="hidden" name="to" value={to} />
      <Button type="submit" secondary disabled={pending}>
        {label}
      </Button>
    </ActionForm>
  );
}

function HomeStep({ dischargeId }: { dischargeId: string }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(changeDischargeStatusAction, null);
  return (
    <ActionForm state={state} action={withExactMoment('homeAt', action)}>
      <FormErrors result={state} labels={{ homeAt: 'When they got home' }} />
      <input type="hidden" name="dischargeId" value={dischargeId} />
      <input type="hidden" name="to" value="home" />
      <MomentField
        name="homeAt"
        label="When did they get home?"
        hint="The follow-up contact becomes due from this moment"
        error={fieldError(state, 'homeAt')}
        kept={state?.ok ? undefined : fieldValue(state, 'homeAt')}
      />
      <Button type="submit" disabled={pending}>
        Mark as home
      </Button>
    </ActionForm>
  );
}

function CloseEarly({ dischargeId, reasons }: { dischargeId: string; reasons: readonly string[] }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(changeDischargeStatusAction, null);
  return (
    <details className="nhsuk-details" open={!!state && !state.ok}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Close this discharge before the follow-up</span>
      </summary>
      <div className="nhsuk-details__text">
        <ActionForm state={state} action={action}>
          <FormErrors result={state} labels={{ closedReason: 'Reason', note: 'Note' }} />
          <input type="hidden" name="dischargeId" value={dischargeId} />
          <input type="hidden" name="to" value="closed" />
          <ChoiceField
            state={state}
            name="closedReason"
            label="Why is it closing?"
            prompt="Choose a reason"
            choices={reasons.map((r) => ({ value: r, label: r }))}
          />
          <Textarea
            id="note"
            name="note"
            label="Note (optional)"
            rows={2}
            defaultValue={fieldValue(state, 'note')}
            error={fieldError(state, 'note')}
          />
          <p>Closing cancels the checklist tasks that are not done yet.</p>
          <Button type="submit" warning disabled={pending}>
            Close the discharge
          </Button>
        </ActionForm>
      </div>
    </details>
  );
}
