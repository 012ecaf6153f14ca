'use client';

import { useActionState } from 'react';
import { Button, Radios, Textarea } from 'nhsuk-react-components';
import { ChoiceField } from '../../components/choice-field';
import { FormErrors, fieldError, fieldValue } from '../../components/form-errors';
import type { FormResult } from '../../../server/trpc/form-result';
import { updateReferralAction } from '../actions';
import { ActionForm, useKeptValue } from '../../components/action-form';

type Props = {
  referralId: string;
  status: string;
  side: 'receiving' | 'referring' | 'none';
  serviceName: string;
  outcomeReasons: string[];
};

/** The next steps each side can take: the receiving team works it, the referrer can withdraw it. */
export function ReferralActions({ referralId, status, side, serviceName, outcomeReasons }: Props) {
  if (side === 'receiving') {
    return (
      <>
        {status === 'sent' && (
          <>
            <Step referralId={referralId} action="accept" label="Pick up and accept" hint={`You become its owner; the referrer is told.`} />
            <WithReason
              referralId={referralId}
              action="decline"
              summary="Decline this referral"
              label="Why are you declining it?"
              button="Decline the referral"
            />
          </>
        )}
        {status === 'accepted' && <Step referralId={referralId} action="start" label="Start work" />}
        {(status === 'accepted' || status === 'in_progress') && <Complete referralId={referralId} reasons={outcomeReasons} />}
      </>
    );
  }
  if (side === 'referring' && ['sent', 'accepted', 'in_progress'].includes(status)) {
    return (
      <WithReason
        referralId={referralId}
        action="cancel"
        summary={`Cancel the referral to ${serviceName}`}
        label="Why are you cancelling it?"
        button="Cancel the referral"
      />
    );
  }
  return null;
}

function Step({ referralId, action, label, hint }: { referralId: string; action: string; label: string; hint?: string }) {
  const [state, run, pending] = useActionState<FormResult | null, FormData>(updateReferralAction, null);
  return (
    <ActionForm state={state} action={run}>
      <FormErrors result={state} />
      <input type="hidden" name="referralId" value={referralId} />
      <input type="hidden" name="action" value={action} />
      {hint && <p className="nhsuk-body-s">{hint}</p>}
      <Button type="submit" disabled={pending}>
        {label}
      </Button>
    </ActionForm>
  );
}

function WithReason({
  referralId,
  action,
  summary,
  label,
  button,
}: {
  referralId: string;
  action: string;
  summary: string;
  label: string;
  button: string;
}) {
  const [state, run, pending] = useActionState<FormResult | null, FormData>(updateReferralAction, null);
  return (
    <details className="nhsuk-details" open={!!state && !state.ok}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{summary}</span>
      </summary>
      <div className="nhsuk-details__text">
        <ActionForm state={state} action={run} noValidate>
          <FormErrors result={state} labels={{ reason: label }} />
          <input type="hidden" name="referralId" value={referralId} />
          <input type="hidden" name="action" value={action} />
          <Textarea
            id="reason"
            name="reason"
            label={label}
            rows={2}
            defaultValue={fieldValue(state, 'reason')}
            error={fieldError(state, 'reason')}
          />
          <Button type="submit" warning disabled={pending}>
            {button}
          </Button>
        </ActionForm>
      </div>
    </details>
  );
}

function Complete({ referralId, reasons }: { referralId: string; reasons: string[] }) {
  const [state, run, pending] = useActionState<FormResult | null, FormData>(updateReferralAction, null);
  const [outcome, setOutcome] = useKeptValue(state, 'outcome');
  return (
    <ActionForm state={state} action={run} noValidate>
      <h2>Complete with an outcome</h2>
      <FormErrors
        result={state}
        labels={{ outcome: 'Was the referral successful?', outcomeReason: 'Why not?', note: 'Note for the referrer' }}
      />
      <input type="hidden" name="referralId" value={referralId} />
      <input type="hidden" name="action" value="complete" />
      <Radios id="outcome" idPrefix="outcome" name="outcome" legend="Was the referral successful?" error={fieldError(state, 'outcome')}>
        <Radios.Item value="successful" checked={outcome === 'successful'} onChange={() => setOutcome('successful')}>
          Successful
        </Radios.Item>
        <Radios.Item value="not_successful" checked={outcome === 'not_successful'} onChange={() => setOutcome('not_successful')}>
          Not successful
        </Radios.Item>
      </Radios>
      {outcome === 'not_successful' && (
        <ChoiceField
          state={state}
          name="outcomeReason"
          label="Why not?"
          prompt="Choose a reason"
          choices={reasons.map((r) => ({ value: r, label: r }))}
        />
      )}
      <Textarea
        id="note"
        name="note"
        label="Note for the referrer (optional)"
        rows={3}
        defaultValue={fieldValue(state, 'note')}
        error={fieldError(state, 'note')}
      />
      <Button type="submit" disabled={pending}>
        Complete the referral
      </Button>
    </ActionForm>
  );
}
