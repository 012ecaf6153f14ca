'use client';

import { useActionState } from 'react';
import { Button, Radios, Select, TextInput, Textarea } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../../../components/form-errors';
import type { FormResult } from '../../../../server/trpc/form-result';
import { recordConsentAction } from '../actions';
import { todayInEngland } from '../../../../server/calendar/england-time';
import { ActionForm, useKeptValue } from '../../../components/action-form';

/**
 * Record a consent decision. With `fixed`, for one kind of sharing only (e.g. in place on the
 * referral page, when a referral needs it), and `done` is said once it is recorded.
 */
export function ConsentForm({
  patientId,
  knownCarers = [],
  fixed,
  done,
}: {
  patientId: string;
  knownCarers?: string[];
  fixed?: { purpose: string; label: string };
  done?: string;
}) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(recordConsentAction, null);
  const [chosen, setPurpose] = useKeptValue(state, 'purpose');
  const purpose = fixed?.purpose ?? chosen;
  const v = (f: string, d = '') => (state?.ok ? d : fieldValue(state, f, d));
  return (
    <ActionForm state={state} action={action} noValidate>
      <FormErrors
        result={state}
        labels={{
          purpose: 'Sharing with',
          decision: 'Decision',
          method: 'How it was given',
          carerName: 'Carer’s name and relationship',
          decidedOn: 'Date of the decision',
          notes: 'Notes',
        }}
      />
      {state?.ok && (
        <p role="status">
          {state.message}
          {done ? ` ${done}` : ''}
        </p>
      )}
      <input type="hidden" name="patientId" value={patientId} />
      <div key={`consent-${state?.at ?? 0}`}>
        {fixed ? (
          <>
            <input type="hidden" name="purpose" value={fixed.purpose} />
            <p>
              Sharing with: <strong>{fixed.label}</strong>
            </p>
          </>
        ) : (
          <Radios id="purpose" idPrefix="purpose" name="purpose" legend="Sharing with" error={fieldError(state, 'purpose')}>
            <Radios.Item
              value="adult_social_care"
              defaultChecked={v('purpose') === 'adult_social_care'}
              onChange={() => setPurpose('adult_social_care')}
              hint="Shared for direct care unless the person objects"
            >
              Adult social care
            </Radios.Item>
            <Radios.Item
              value="housing"
              defaultChecked={v('purpose') === 'housing'}
              onChange={() => setPurpose('housing')}
              hint="Needs the person’s explicit consent"
            >
              Housing
            </Radios.Item>
            <Radios.Item
              value="voluntary_services"
              defaultChecked={v('purpose') === 'voluntary_services'}
              onChange={() => setPurpose('voluntary_services')}
              hint="Needs the person’s explicit consent"
            >
              Voluntary services
            </Radios.Item>
            <Radios.Item
              value="named_carer"
              defaultChecked={v('purpose') === 'named_carer'}
              onChange={() => setPurpose('named_carer')}
              hint="Needs explicit consent, or a lasting power of attorney for health and welfare"
            >
              A named carer
            </Radios.Item>
          </Radios>
        )}
        {purpose === 'named_carer' && (
          <>
            <TextInput
              id="carerName"
              name="carerName"
              label="Carer’s name and relationship"
              hint={
                knownCarers.length
                  ? `For example, Karen Thompson (daughter). To change a decision about a carer, use the same name: ${knownCarers.join(', ')}`
                  : 'For example, Karen Thompson (daughter)'
              }
              list="known-carers"
              autoComplete="off"
              defaultValue={v('carerName')}
              error={fieldError(state, 'carerName')}
            />
            <datalist id="known-carers">
              {knownCarers.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </>
        )}
        <Radios id="decision" idPrefix="decision" name="decision" legend="Decision" inline error={fieldError(state, 'decision')}>
          <Radios.Item value="granted" defaultChecked={v('decision') === 'granted'}>
            Granted
          </Radios.Item>
          <Radios.Item value="refused" defaultChecked={v('decision') === 'refused'}>
            Refused or objected
          </Radios.Item>
          <Radios.Item value="withdrawn" defaultChecked={v('decision') === 'withdrawn'}>
            Withdrawn
          </Radios.Item>
        </Radios>
        <Select id="method" name="method" label="How it was given" defaultValue={v('method', 'verbal')} error={fieldError(state, 'method')}>
          <Select.Option value="verbal">Verbally</Select.Option>
          <Select.Option value="written">In writing</Select.Option>
          <Select.Option value="electronic">Electronically</Select.Option>
          <Select.Option value="lasting_power_of_attorney">By their attorney (lasting power of attorney)</Select.Option>
        </Select>
        <TextInput
          id="decidedOn"
          name="decidedOn"
          type="date"
          label="Date of the decision"
          width={10}
          defaultValue={v('decidedOn', todayInEngland())}
          error={fieldError(state, 'decidedOn')}
        />
        <Textarea id="notes" name="notes" label="Notes (optional)" rows={2} defaultValue={v('notes')} error={fieldError(state, 'notes')} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Record decision'}
      </Button>
    </ActionForm>
  );
}
