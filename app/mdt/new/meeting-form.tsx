'use client';

import { useActionState } from 'react';
import { Button, Textarea, TextInput } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../../components/form-errors';
import type { FormResult } from '../../../server/trpc/form-result';
import { recordMeetingAction } from '../actions';

export function MeetingForm({ today, attendees }: { today: string; attendees: string }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(recordMeetingAction, null);
  return (
    <form noValidate action={action}>
      <FormErrors result={state} labels={{ heldOn: 'Date of the meeting', attendees: 'Who was there' }} />
      <TextInput
        id="heldOn"
        name="heldOn"
        type="date"
        label="Date of the meeting"
        width={10}
        defaultValue={fieldValue(state, 'heldOn', today)}
        error={fieldError(state, 'heldOn')}
      />
      <Textarea
        id="attendees"
        name="attendees"
        label="Who was there"
        hint="One person per line, with their role or organisation, for example “Dr Helen Marsh (GP)”"
        rows={6}
        defaultValue={fieldValue(state, 'attendees', attendees)}
        error={fieldError(state, 'attendees')}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Start recording the meeting'}
      </Button>
    </form>
  );
}
