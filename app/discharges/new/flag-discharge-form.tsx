'use client';

import { useActionState, useState } from 'react';
import { Button, Radios, TextInput, Textarea } from 'nhsuk-react-components';
import { ChoiceField } from '../../components/choice-field';
import { NhsNumberField } from '../../components/nhs-number-field';
import { FormErrors, fieldError, fieldValue } from '../../components/form-errors';
import type { FormResult } from '../../../server/trpc/form-result';
import { PATHWAY_LABELS } from '../../../server/discharges/discharge-fields';
import { findPersonAction, flagDischargeAction, type FindState } from '../actions';

const LABELS: Record<string, string> = {
  nhsNumber: 'NHS number',
  dateOfBirth: 'Date of birth',
  givenName: 'Given name',
  familyName: 'Family name',
  registeredPracticeId: 'GP practice',
  flaggerContact: 'How to reach you',
  hospital: 'Hospital',
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
type Practice = { id: string; name: string };

/** Step one (unless coming from the person's record): find the person by exact NHS number and date of birth. */
export function FlagDischargeForm({
  practices,
  known,
  defaultHospital,
}: {
  practices: Practice[];
  known: Known | null;
  defaultHospital: string;
}) {
  const [found, find, finding] = useActionState<FindState | null, FormData>(findPersonAction, null);
  const [searchAgain, setSearchAgain] = useState(0);
  if (known) return <DetailsForm identity={known} practices={practices} defaultHospital={defaultHospital} isNew={false} />;
  const looked = found?.ok && found.at !== searchAgain;
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
          </div>
        ) : (
          <div className="nhsuk-warning-callout">
            <h2 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>No record matches
              </span>
            </h2>
            <p>
              Nobody in carenav has this NHS number and date of birth. Check both; if they are right, give the person’s name and GP practice
              below to create their record with the flag.
            </p>
          </div>
        )}
        <p>
          <button type="button" className="carenav-link-button" onClick={() => setSearchAgain(found.at ?? 0)}>
            Search for a different person
          </button>
        </p>
        <DetailsForm identity={identity} practices={practices} defaultHospital={defaultHospital} isNew={!found.match} />
      </>
    );
  }
  return (
    <form action={find} noValidate>
      <FormErrors result={found} labels={LABELS} />
      <h2>Who is being discharged?</h2>
      <NhsNumberField state={found} />
      <TextInput
        id="dateOfBirth"
        name="dateOfBirth"
        type="date"
        label="Date of birth"
        width={10}
        defaultValue={fieldValue(found, 'dateOfBirth')}
        error={fieldError(found, 'dateOfBirth')}
      />
      <Button type="submit" disabled={finding}>
        {finding ? 'Looking…' : 'Find the person'}
      </Button>
    </form>
  );
}

function DetailsForm({
  identity,
  practices,
  defaultHospital,
  isNew,
}: {
  identity: Known;
  practices: Practice[];
  defaultHospital: string;
  isNew: boolean;
}) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(flagDischargeAction, null);
  const v = (field: string, fallback = '') => fieldValue(state, field, fallback);
  return (
    <form action={action} noValidate>
      <FormErrors result={state} labels={LABELS} />
      <input type="hidden" name="nhsNumber" value={identity.nhsNumber} />
      <input type="hidden" name="dateOfBirth" value={identity.dateOfBirth} />
      {/* Identity problems found on submit (e.g. a record created by someone else meanwhile) link here. */}
      <span id="nhsNumber" tabIndex={-1} />
      <span id="dateOfBirth" tabIndex={-1} />
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
      <h2>The discharge{identity.name ? ` of ${identity.name}` : ''}</h2>
      <TextInput
        id="flaggerContact"
        name="flaggerContact"
        label="How to reach you"
        hint="Phone, extension or bleep, so the team can call you back"
        defaultValue={v('flaggerContact')}
        error={fieldError(state, 'flaggerContact')}
      />
      <TextInput
        id="hospital"
        name="hospital"
        label="Hospital"
        defaultValue={v('hospital', defaultHospital)}
        error={fieldError(state, 'hospital')}
      />
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
    </form>
  );
}
