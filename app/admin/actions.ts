'use server';

import type { FormResult } from '../../server/trpc/form-result';
import { submit } from '../lib/submit';

export async function createOrganisationAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.admin.createOrganisation(v as never), { redirectTo: () => '/admin' });
}

export async function createUserAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.admin.createUser(v as never), { redirectTo: () => '/admin' });
}

export async function updateUserAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.admin.updateUser(v as never), { redirectTo: () => '/admin' });
}

export async function addChecklistItemAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.discharges.addChecklistItem(v as never), {
    revalidate: () => '/admin/checklist',
    message: 'Item added.',
  });
}

export async function changeChecklistItemAction(_prev: FormResult | null, formData: FormData) {
  return submit(
    formData,
    (c, v) =>
      v.direction === 'remove'
        ? c.discharges.removeChecklistItem({ itemId: v.itemId ?? '' })
        : c.discharges.moveChecklistItem({ itemId: v.itemId ?? '', direction: v.direction as never }),
    { revalidate: () => '/admin/checklist', message: 'Checklist changed.' },
  );
}

export async function setFollowUpWindowAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.discharges.setFollowUpWindow(v as never), {
    revalidate: () => '/admin/checklist',
    message: 'Follow-up window saved.',
  });
}

export async function saveServiceAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.directory.save(v as never), { redirectTo: () => '/admin/services' });
}

export async function addOutcomeReasonAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.referrals.addOutcomeReason(v as never), {
    revalidate: () => '/admin/services',
    message: 'Reason added.',
  });
}

export async function removeOutcomeReasonAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.referrals.removeOutcomeReason(v as never), {
    revalidate: () => '/admin/services',
    message: 'Reason removed.',
  });
}

export async function reviewAccessAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.access.review(v as never), { revalidate: () => '/admin/access-reviews', message: 'Review saved.' });
}
