'use client';

import { useActionState } from 'react';
import { Button, Checkboxes, TextInput } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldIncludes, fieldValue } from '../../components/form-errors';
import type { FormResult } from '../../../server/trpc/form-result';
import { changeChecklistItemAction, setFollowUpWindowAction } from '../actions';
import { addChecklistItemAction, setChecklistItemPathwaysAction } from './actions';
import { PATHWAY_LABELS } from '../../../server/discharges/discharge-fields';
import { ActionForm } from '../../components/action-form';

type Item = { id: string; title: string; kind: string; pathways: string };

/** A tick box per discharge-to-assess pathway, ticked as stored (or as just sent). */
function PathwayTicks({ id, state, stored, legend }: { id: string; state: FormResult | null; stored: string; legend: string }) {
  return (
    <Checkboxes id={id} idPrefix={id} name="pathways" legend={legend} error={fieldError(state, 'pathways')}>
      {([0, 1, 2, 3] as const).map((p) => (
        <Checkboxes.Item key={p} value={String(p)} defaultChecked={fieldIncludes(state, 'pathways', String(p), stored)}>
          {PATHWAY_LABELS[p]}
        </Checkboxes.Item>
      ))}
    </Checkboxes>
  );
}

/** Which pathways' discharges get an item: changed from now on (discharges already flagged keep theirs). */
export function ItemPathways({ item }: { item: Item }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(setChecklistItemPathwaysAction, null);
  const id = `pathways-${item.id}`;
  return (
    <details className="nhsuk-details nhsuk-u-margin-bottom-2" open={!!state && !state.ok}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          Change pathways<span className="nhsuk-u-visually-hidden">: {item.title}</span>
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <ActionForm state={state} action={action} noValidate>
          <FormErrors
            result={state}
            labels={{ pathways: 'Pathways' }}
            idOf={(field) => (field === 'pathways' ? id : `${field}-${item.id}`)}
          />
          {state?.ok && <p role="status">{state.message}</p>}
          <input type="hidden" name="itemId" value={item.id} />
          <PathwayTicks
            key={`${id}-${state?.at ?? 0}`}
            id={id}
            legend={`Discharges that get “${item.title}”`}
            state={state}
            stored={item.pathways}
          />
          <Button type="submit" secondary disabled={pending}>
            Save pathways<span className="nhsuk-u-visually-hidden">: {item.title}</span>
          </Button>
        </ActionForm>
      </div>
    </details>
  );
}

export function ItemButtons({ item, first, last }: { item: Item; first: boolean; last: boolean }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(changeChecklistItemAction, null);
  return (
    <ActionForm state={state} action={action} className="carenav-actions">
      <input type="hidden" name="itemId" value={item.id} />
      {!first && item.kind !== 'follow_up' && (
        <button
          type="submit"
          name="direction"
          value="up"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
          disabled={pending}
        >
          Move up<span className="nhsuk-u-visually-hidden">: {item.title}</span>
        </button>
      )}
      {!last && (
        <button
          type="submit"
          name="direction"
          value="down"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
          disabled={pending}
        >
          Move down<span className="nhsuk-u-visually-hidden">: {item.title}</span>
        </button>
      )}
      {item.kind !== 'follow_up' && <RemoveButton item={item} pending={pending} />}
      {state && !state.ok && (
        <p className="nhsuk-error-message nhsuk-u-margin-bottom-0" role="alert">
          {state.message}
        </p>
      )}
    </ActionForm>
  );
}

/** Removing asks first: a details element holds the real button, so nothing goes on one click. */
function RemoveButton({ item, pending }: { item: Item; pending: boolean }) {
  return (
    <details className="nhsuk-details nhsuk-u-margin-bottom-0">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          Remove<span className="nhsuk-u-visually-hidden">: {item.title}</span>
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <p>New discharges will not get “{item.title}”. Discharges already flagged keep it.</p>
        <button
          type="submit"
          name="direction"
          value="remove"
          className="nhsuk-button nhsuk-button--warning nhsuk-button--small nhsuk-u-margin-bottom-0"
          disabled={pending}
        >
          Yes, remove it
        </button>
      </div>
    </details>
  );
}

export function AddItemForm() {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(addChecklistItemAction, null);
  return (
    <ActionForm state={state} action={action} noValidate>
      <FormErrors result={state} labels={{ title: 'New checklist item', pathways: 'Pathways' }} />
      {state?.ok && <p role="status">{state.message}</p>}
      <TextInput
        id="title"
        name="title"
        label="New checklist item"
        hint="It is added before the follow-up contact"
        key={`t-${state?.at ?? 0}`}
        defaultValue={state?.ok ? '' : fieldValue(state, 'title')}
        error={fieldError(state, 'title')}
      />
      <PathwayTicks key={`pathways-${state?.at ?? 0}`} id="pathways" legend="Discharges that get it" state={state} stored="0123" />
      <Button type="submit" secondary disabled={pending}>
        Add item
      </Button>
    </ActionForm>
  );
}

export function FollowUpWindowForm({ hours }: { hours: number }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(setFollowUpWindowAction, null);
  return (
    <ActionForm state={state} action={action} noValidate>
      <FormErrors result={state} labels={{ hours: 'Follow-up contact due within (hours of getting home)' }} />
      {state?.ok && <p role="status">{state.message}</p>}
      <TextInput
        id="hours"
        name="hours"
        label="Follow-up contact due within (hours of getting home)"
        inputMode="numeric"
        width={3}
        defaultValue={fieldValue(state, 'hours', String(hours))}
        error={fieldError(state, 'hours')}
      />
      <Button type="submit" secondary disabled={pending}>
        Save window
      </Button>
    </ActionForm>
  );
}
