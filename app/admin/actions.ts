'use server';

import type { FormResult } from '../../server/trpc/form-result';
import { CreateOrganisationSchema } from '../../server/admin/create-organisation';
import { CreateUserSchema } from '../../server/admin/create-user';
import { UpdateUserSchema } from '../../server/admin/update-user';
import { ReviewClinicalAccountSchema } from '../../server/admin/review-clinical-account';
import { EndAllSessionsSchema } from '../../server/admin/end-all-sessions';
import { SetCarerAccountActiveSchema } from '../../server/admin/carer-accounts';
import { ReviewAccessSchema } from '../../server/break-glass/review-access';
import { SaveServiceSchema } from '../../server/directory/save-service';
import { ChecklistItemSchema, MoveChecklistItemSchema, SetFollowUpWindowSchema } from '../../server/discharges/checklist-template';
import { AddOutcomeReasonSchema, RemoveOutcomeReasonSchema } from '../../server/referrals/outcome-reasons';
import { submit } from '../lib/submit';

export async function createOrganisationAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, CreateOrganisationSchema, (c, input) => c.admin.createOrganisation(input), { redirectTo: () => '/admin' });
}

export async function createUserAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, CreateUserSchema, (c, input) => c.admin.createUser(input), { redirectTo: () => '/admin?done=added' });
}

export async function updateUserAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, UpdateUserSchema, (c, input) => c.admin.updateUser(input), {
    redirectTo: (v) => `/admin?done=${encodeURIComponent(v.change ?? '')}`,
  });
}

export async function reviewClinicalAccountAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, ReviewClinicalAccountSchema, (c, input) => c.admin.reviewClinicalAccount(input), {
    revalidate: () => '/admin/users/clinical-review',
    message: 'Marked as reviewed.',
  });
}

export async function endAllSessionsAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, EndAllSessionsSchema, (c, input) => c.admin.endAllSessions(input), {
    revalidate: (values) => `/admin/users/${values.userId ?? ''}`,
    message: 'All their sessions have been ended. They will need to sign in again.',
  });
}

export async function setCarerAccountActiveAction(_prev: FormResult | null, formData: FormData) {
  const deactivating = formData.get('change') === 'deactivate';
  return submit(formData, SetCarerAccountActiveSchema, (c, input) => c.admin.setCarerAccountActive(input), {
    revalidate: () => '/admin/carers',
    message: deactivating
      ? 'Account deactivated. They have been signed out and cannot sign in until it is reactivated.'
      : 'Account reactivated. They can sign in again.',
  });
}

export async function changeChecklistItemAction(_prev: FormResult | null, formData: FormData) {
  // One form, three buttons: "remove" is its own procedure; "up" and "down" move the item.
  const options = { revalidate: () => '/admin/checklist', message: 'Checklist changed.' };
  return formData.get('direction') === 'remove'
    ? submit(formData, ChecklistItemSchema, (c, input) => c.discharges.removeChecklistItem(input), options)
    : submit(formData, MoveChecklistItemSchema, (c, input) => c.discharges.moveChecklistItem(input), options);
}

export async function setFollowUpWindowAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, SetFollowUpWindowSchema, (c, input) => c.discharges.setFollowUpWindow(input), {
    revalidate: () => '/admin/checklist',
    message: 'Follow-up window saved.',
  });
}

export async function saveServiceAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, SaveServiceSchema, (c, input) => c.directory.save(input), { redirectTo: () => '/admin/services' });
}

export async function addOutcomeReasonAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, AddOutcomeReasonSchema, (c, input) => c.referrals.addOutcomeReason(input), {
    revalidate: () => '/admin/services',
    message: 'Reason added.',
  });
}

export async function removeOutcomeReasonAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, RemoveOutcomeReasonSchema, (c, input) => c.referrals.removeOutcomeReason(input), {
    revalidate: () => '/admin/services',
    message: 'Reason removed.',
  });
}

export async function reviewAccessAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, ReviewAccessSchema, (c, input) => c.access.review(input), {
    revalidate: () => '/admin/access-reviews',
    message: 'Review saved.',
  });
}
