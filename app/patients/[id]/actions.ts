'use server';

import type { FormResult } from '../../../server/trpc/form-result';
import { submit } from '../../lib/submit';

const record = (values: Record<string, string>) => `/patients/${values.patientId ?? ''}`;
const EDIT_FIELDS = [
  'riskLevel',
  'conditions',
  'communicationNeeds',
  'homeAccessNotes',
  'aboutWhatMatters',
  'aboutStrengths',
  'aboutEveryoneShouldKnow',
  'nextAction',
  'address',
  'postcode',
  'phone',
] as const;

// Each action passes the form's strings to one procedure, whose schema validates and converts them;
// the procedure builder checks access and audits. Nothing here decides anything.

export async function addEntryAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.timeline.add(v as never), { revalidate: record, message: 'Added to the timeline.' });
}

export async function updatePatientAction(_prev: FormResult | null, formData: FormData) {
  return submit(
    formData,
    (c, v) =>
      c.patients.update({
        patientId: v.patientId ?? '',
        expectedVersion: Number(v.expectedVersion),
        changes: Object.fromEntries(EDIT_FIELDS.filter((f) => f in v).map((f) => [f, v[f]])),
      }),
    { redirectTo: record },
  );
}

export async function changeNamedContactAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.patients.changeNamedContact(v as never), { redirectTo: record });
}

export async function addCareTeamMemberAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.patients.addCareTeamMember(v as never), {
    revalidate: (v) => `${record(v)}/care-team`,
    message: 'Added to the care team.',
  });
}

export async function removeCareTeamMemberAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.patients.removeCareTeamMember(v as never), { redirectTo: (v) => `${record(v)}/care-team` });
}

export async function recordConsentAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.consent.record(v as never), {
    revalidate: (v) => `${record(v)}/consent`,
    message: 'Consent decision recorded.',
  });
}

export async function amendEventAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.timeline.amend(v as never), { redirectTo: record });
}

export async function inviteCarerAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.carerInvitations.invite(v as never), {
    revalidate: (v) => `${record(v)}/carers`,
    message: 'Invitation made.',
    detail: (result) => ({ link: result.link, expiresAt: String(result.expiresAt) }),
  });
}

export async function breakGlassAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.access.breakGlass(v as never), { redirectTo: record });
}

export async function recordWellbeingAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.wellbeing.record(v as never), {
    revalidate: (v) => `${record(v)}/wellbeing`,
    message: 'Wellbeing scores recorded.',
  });
}
