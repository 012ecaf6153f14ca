'use client';

import { useActionState, useState } from 'react';
import { Button, Radios, Select, TextInput, Textarea } from 'nhsuk-react-components';
import { ChoiceField } from '../../components/choice-field';
import { NhsNumberField } from '../../components/nhs-number-field';
import { FormErrors, fieldError, fieldValue } from '../../components/form-errors';
import type { FormResult } from '../../../server/trpc/form-result';
import { PATHWAY_LABELS } from '../../../server/discharges/discharge-fields';
import { ActionForm } from '../../components/action-form';
import { findPersonAction, flagDischargeAction, type FindState } from '../actions';

const LABELS: Record<string, string> = {
  nhsNumber: 'NHS number',
  dateOfBirth: 'Date of birth',
  givenName: 'Given name',
  familyName: 'Family name',
  registeredPracticeId: 'GP practice',
  flaggerContact: 'How to reach you',
  hospitalId: 'Hospital',
  ward: 'Ward',
  expectedDate: 'Expected date of discharge',
  pathway: 'Discharge pathway',
  riskLevel: 'Risk level',
  concern: 'Concern',
  ask: 'The ask',
  careVisitsPerDay: 'Care visits per day',
  careProvider: 'Care provider',
  carerConsulted: 'Carer consulted',
};

type Known = { nhsNumber: string; dateOfBirth: string; name: string };
type Option = { id: string; name: string };

/** A refused flag whose problem is who the person is (not the discharge): answered on the search form. */
const isIdentityProblem = (state: FormResult | null): state is FormResult =>
  !!state && !state.ok && !!(state.fieldErrors?.nhsNumber || state.fieldErrors?.dateOfBirth);

/** Step one (unless coming from the person's record): find the person by exact NHS number and date of birth. */
export function FlagDischargeForm({
  practices,
  hospitals,
  known,
  defaultHospitalId,
}: {
  practices: Option[];
  hospitals: Option[];
  known: Known | null;
  defaultHospitalId: string;
}) {
  const [found, find, finding] = useActionState<FindState | null, FormData>(findPersonAction, null);
  // The flag's own state lives here, so a refusal about the person's identity can go back to the
  // search (with what was searched filled in) while everything typed about the discharge is kept.
  const flagging = useActionState<FormResult | null, FormData>(flagDischargeAction, null);
  const [flagged] = flagging;
  const [searchAgain, setSearchAgain] = useState(0);
  const details = { practices, hospitals, defaultHospitalId, flagging };
  if (known) return <DetailsForm identity={known} isNew={false} known {...details} />;
  // The identity was refused after the last search: search again, with one message at the fields on the page.
  const identityRefused = isIdentityProblem(flagged) && (flagged.at ?? 0) > (found?.at ?? 0);
  const looked = found?.ok && found.at !== searchAgain && !identityRefused;
  if (looked && found.values) {
    const identity = {
      nhsNumber: found.values.nhsNumber ?? '',
      dateOfBirth: found.values.dateOfBirth ?? '',
      name: found.match ? `${found.match.givenName} ${found.match.familyName}` : '',
    };
    return (
      <>
        {found.match ? (
          <div className="nhsuk-inset-text">
            <h2 className="nhsuk-heading-s">Person found</h2>
            <p>
              {identity.name}, registered at {found.match.practiceName}.
            </p>
            <p>You searched for {found.searched}.</p>
          </div>
        ) : (
          <div className="nhsuk-warning-callout">
            <h2 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>No record matches
              </span>
            </h2>
            <p>
              Nobody in carenav has {found.searched}. Check both; if they are right, give the person’s name and GP practice below to create
              their record with the flag.
            </p>
          </div>
        )}
        <p>
          <button type="button" className="carenav-link-button" onClick={() => setSearchAgain(found.at ?? 0)}>
            Search for a different person
          </button>
        </p>
        <DetailsForm identity={identity} isNew={!found.match} {...details} />
      </>
    );
  }
  const shown = identityRefused ? flagged : found;
  return (
    <ActionForm state={shown} action={find}>
      <FormErrors result={shown} labels={LABELS} />
      <h2>Who is being discharged?</h2>
      {identityRefused && <p>What you entered about the discharge is kept: find the person again to go on.</p>}
      <NhsNumberField state={shown} />
      <TextInput
        id="dateOfBirth"
        name="dateOfBirth"
        type="date"
        label="Date of birth"
        width={10}
        defaultValue={fieldValue(shown, 'dateOfBirth')}
        error={fieldError(shown, 'dateOfBirth')}
      />
      <Button type="submit" disabled={finding}>
        {finding ? 'Looking…' : 'Find the person'}
      </Button>
    </ActionForm>
  );
}

function DetailsForm({
  identity,
  practices,
  hospitals,
  defaultHospitalId,
  isNew,
  flagging,
  known = false,
}: {
  identity: Known;
  practices: Option[];
  hospitals: Option[];
  defaultHospitalId: string;
  isNew: boolean;
  flagging: [FormResult | null, (formData: FormData) => void, boolean];
  /** Coming from the person's record: no search to go back to, so identity problems are shown here. */
  known?: boolean;
}) {
  const [flagged, action, pending] = flagging;
  // After going back to the search, the identity refusal is not this form's problem: keep only the values.
  const state: FormResult | null = !known && isIdentityProblem(flagged) ? { ok: true, values: flagged.values, at: flagged.at } : flagged;
  const v = (field: string, fallback = '') => fieldValue(state, field, fallback);
  return (
    <ActionForm state={state} action={action}>
      {/* The identity is not a field here (it is the person's own record): its problems link to the heading naming them. */}
      <FormErrors
        result={state}
        labels={LABELS}
        idOf={(field) => (field === 'nhsNumber' || field === 'dateOfBirth' ? 'discharge-of' : field)}
      />
      <input type="hidden" name="nhsNumber" value={identity.nhsNumber} />
      <input type="hidden" name="dateOfBirth" value={identity.dateOfBirth} />
      {isNew && <input type="hidden" name="newRecord" value="yes" />}
      {isNew && (
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
            <h2 className="nhsuk-fieldset__heading">Create their record</h2>
          </legend>
          <TextInput
            id="givenName"
            name="givenName"
            label="Given name"
            autoComplete="off"
            defaultValue={v('givenName')}
            error={fieldError(state, 'givenName')}
          />
          <TextInput
            id="familyName"
            name="familyName"
            label="Family name"
            autoComplete="off"
            defaultValue={v('familyName')}
            error={fieldError(state, 'familyName')}
          />
          <ChoiceField
            state={state}
            name="registeredPracticeId"
            label="GP practice"
            hint="The person joins the caseload of the care navigator team linked to this practice"
            prompt="Choose a GP practice"
            choices={practices.map((p) => ({ value: p.id, label: p.name }))}
          />
        </fieldset>
      )}
      <h2 id="discharge-of" tabIndex={-1}>
        The discharge{identity.name ? ` of ${identity.name}` : ''}
      </h2>
      <TextInput
        id="flaggerContact"
        name="flaggerContact"
        label="How to reach you"
        hint="Phone, extension or bleep, so the team can call you back"
        defaultValue={v('flaggerContact')}
        error={fieldError(state, 'flaggerContact')}
      />
      <Select
        key={`hospitalId-${state?.at ?? 0}`}
        id="hospitalId"
        name="hospitalId"
        label="Hospital"
        defaultValue={v('hospitalId', defaultHospitalId)}
        error={fieldError(state, 'hospitalId')}
      >
        <Select.Option value="">Choose a hospital</Select.Option>
        {hospitals.map((h) => (
          <Select.Option key={h.id} value={h.id}>
            {h.name}
          </Select.Option>
        ))}
      </Select>
      <TextInput id="ward" name="ward" label="Ward (optional)" width={20} defaultValue={v('ward')} error={fieldError(state, 'ward')} />
      <TextInput
        id="expectedDate"
        name="expectedDate"
        type="date"
        label="Expected date of discharge"
        width={10}
        defaultValue={v('expectedDate')}
        error={fieldError(state, 'expectedDate')}
      />
      <Radios id="pathway" idPrefix="pathway" name="pathway" legend="Discharge-to-assess pathway" error={fieldError(state, 'pathway')}>
        {([0, 1, 2, 3] as const).map((p) => (
          <Radios.Item key={p} value={String(p)} defaultChecked={v('pathway') === String(p)}>
            {PATHWAY_LABELS[p]}
          </Radios.Item>
        ))}
      </Radios>
      <Radios id="riskLevel" idPrefix="riskLevel" name="riskLevel" legend="Risk level" inline error={fieldError(state, 'riskLevel')}>
        <Radios.Item value="high" defaultChecked={v('riskLevel') === 'high'}>
          High
        </Radios.Item>
        <Radios.Item value="medium" defaultChecked={v('riskLevel') === 'medium'}>
          Medium
        </Radios.Item>
        <Radios.Item value="low" defaultChecked={v('riskLevel') === 'low'}>
          Low
        </Radios.Item>
      </Radios>
      <Textarea
        id="concern"
        name="concern"
        label="What worries you about this discharge"
        rows={3}
        defaultValue={v('concern')}
        error={fieldError(state, 'concern')}
      />
      <Textarea
        id="ask"
        name="ask"
        label="What are you asking the team to do"
        hint="For example, visit within a day of getting home"
        rows={2}
        defaultValue={v('ask')}
        error={fieldError(state, 'ask')}
      />
      <TextInput
        id="careVisitsPerDay"
        name="careVisitsPerDay"
        label="Care visits per day on return"
        hint="0 if there is no new care package"
        inputMode="numeric"
        width={2}
        defaultValue={v('careVisitsPerDay', '0')}
        error={fieldError(state, 'careVisitsPerDay')}
      />
      <TextInput
        id="careProvider"
        name="careProvider"
        label="Care provider, if known"
        defaultValue={v('careProvider')}
        error={fieldError(state, 'careProvider')}
      />
      <Radios
        id="carerConsulted"
        idPrefix="carerConsulted"
        name="carerConsulted"
        legend="Was the person’s carer consulted about the discharge?"
        inline
        error={fieldError(state, 'carerConsulted')}
      >
        <Radios.Item value="yes" defaultChecked={v('carerConsulted') === 'yes'}>
          Yes
        </Radios.Item>
        <Radios.Item value="no" defaultChecked={v('carerConsulted') === 'no'}>
          No
        </Radios.Item>
      </Radios>
      <Button type="submit" disabled={pending}>
        {pending ? 'Flagging…' : 'Flag the discharge'}
      </Button>
    </ActionForm>
  );
}
