'use client';

import { useActionState } from 'react';
import { Button, Radios, TextInput, Textarea } from 'nhsuk-react-components';
import { ChoiceField, type Choice } from '../../../../components/choice-field';
import { FormErrors, fieldError, fieldValue } from '../../../../components/form-errors';
import type { FormResult } from '../../../../../server/trpc/form-result';
import { createTaskAction } from '../../../../tasks/actions';
import { ActionForm } from '../../../../components/action-form';

export function NewTaskForm({ patientId, assignees }: { patientId: string; assignees: Choice[] }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(createTaskAction, null);
  const priority = fieldValue(state, 'priority', 'normal');
  return (
    <ActionForm state={state} action={action} noValidate>
      <FormErrors
        result={state}
        labels={{ title: 'What needs doing', details: 'Details', assignee: 'Who will do it', dueDate: 'Due date', priority: 'Priority' }}
      />
      <input type="hidden" name="patientId" value={patientId} />
      <TextInput
        id="title"
        name="title"
        label="What needs doing"
        defaultValue={fieldValue(state, 'title')}
        error={fieldError(state, 'title')}
      />
      <Textarea
        id="details"
        name="details"
        label="Details (optional)"
        rows={3}
        defaultValue={fieldValue(state, 'details')}
        error={fieldError(state, 'details')}
      />
      <ChoiceField
        state={state}
        name="assignee"
        label="Who will do it"
        hint="Someone already involved in this person’s care, or a team’s queue"
        prompt="Choose a person or team"
        choices={assignees}
      />
      <TextInput
        id="dueDate"
        name="dueDate"
        type="date"
        label="Due date (optional)"
        hint="Due by 5pm that day"
        width={10}
        defaultValue={fieldValue(state, 'dueDate')}
        error={fieldError(state, 'dueDate')}
      />
      <Radios id="priority" idPrefix="priority" name="priority" legend="Priority" inline error={fieldError(state, 'priority')}>
        <Radios.Item value="high" defaultChecked={priority === 'high'}>
          High
        </Radios.Item>
        <Radios.Item value="normal" defaultChecked={priority === 'normal'}>
          Normal
        </Radios.Item>
        <Radios.Item value="low" defaultChecked={priority === 'low'}>
          Low
        </Radios.Item>
      </Radios>
      <Button type="submit" disabled={pending}>
        Add the task
      </Button>
    </ActionForm>
  );
}
