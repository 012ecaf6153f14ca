'use client';

import { useActionState } from 'react';
import { Button } from 'nhsuk-react-components';
import { FormErrors } from '../../../components/form-errors';
import type { FormResult } from '../../../../server/trpc/form-result';
import { reviewClinicalAccountAction } from '../../actions';
import { ActionForm } from '../../../components/action-form';

/** One button: "I have checked this account". Ids are per change, as the form is shown once per row. */
export function ReviewClinicalAccountForm({ changeId, who }: { changeId: string; who: string }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(reviewClinicalAccountAction, null);
  return (
    <ActionForm state={state} noValidate action={action} id={`review-${changeId}`}>
      <FormErrors result={state} labels={{ changeId: 'Change' }} idOf={(field) => `${field}-${changeId}`} />
      <input type="hidden" name="changeId" value={changeId} id={`changeId-${changeId}`} />
      <Button type="submit" secondary disabled={pending} className="nhsuk-u-margin-bottom-0">
        {pending ? 'Saving…' : 'Mark as reviewed'}
        <span className="nhsuk-u-visually-hidden">: {who}</span>
      </Button>
    </ActionForm>
  );
}
