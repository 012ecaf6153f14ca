'use server';

import { z } from 'zod';
import type { FormResult } from '../../../server/trpc/form-result';
import { AddEntrySchema } from '../../../server/timeline/add-entry';
import { AmendEventSchema } from '../../../server/timeline/amend-event';
import { UpdatePatientSchema } from '../../../server/patients/update-patient';
import { ChangeNamedContactSchema } from '../../../server/patients/change-named-contact';
import { AddCareTeamMemberSchema } from '../../../server/patients/add-care-team-member';
import { RemoveCareTeamMemberSchema } from '../../../server/patients/remove-care-team-member';
import { RecordConsentSchema } from '../../../server/consent/record-consent';
import { InviteCarerSchema } from '../../../server/carers/invite-carer';
import { SetCarerActiveSchema } from '../../../server/carers/set-carer-active';
import { RequestBreakGlassSchema } from '../../../server/break-glass/request-break-glass';
import { RecordWellbeingSchema } from '../../../server/wellbeing/record-wellbeing';
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

// Each action names the use case's schema, which validates and converts the form's strings (see
// `submit`), and calls one procedure; the procedure builder checks access and audits. Nothing here
// decides anything.

export async function addEntryAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, AddEntrySchema, (c, input) => c.timeline.add(input), { revalidate: record, message: 'Added to the timeline.' });
}

// The edit form's flat fields as the use case's input: the fields the form shows become `changes`.
const UpdatePatientForm = z.preprocess(
  (v: Record<string, string>) => ({
    patientId: v.patientId ?? '',
    expectedVersion: Number(v.expectedVersion),
    changes: Object.fromEntries(EDIT_FIELDS.filter((f) => f in v).map((f) => [f, v[f]])),
  }),
  UpdatePatientSchema,
);

export async function updatePatientAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, UpdatePatientForm, (c, input) => c.patients.update(input), { redirectTo: record });
}

export async function changeNamedContactAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, ChangeNamedContactSchema, (c, input) => c.patients.changeNamedContact(input), { redirectTo: record });
}

export async function addCareTeamMemberAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, AddCareTeamMemberSchema, (c, input) => c.patients.addCareTeamMember(input), {
    revalidate: (v) => `${record(v)}/care-team`,
    message: 'Added to the care team.',
  });
}

export async function removeCareTeamMemberAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, RemoveCareTeamMemberSchema, (c, input) => c.patients.removeCareTeamMember(input), {
    redirectTo: (v) => `${record(v)}/care-team`,
  });
}

export async function recordConsentAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, RecordConsentSchema, (c, input) => c.consent.record(input), {
    revalidate: (v) => `${record(v)}/consent`,
    message: 'Consent decision recorded.',
  });
}

export async function amendEventAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, AmendEventSchema, (c, input) => c.timeline.amend(input), { redirectTo: record });
}

export async function inviteCarerAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, InviteCarerSchema, (c, input) => c.carerInvitations.invite(input), {
    revalidate: (v) => `${record(v)}/carers`,
    message: 'Invitation made.',
    detail: (result) => ({ link: result.link, expiresAt: String(result.expiresAt) }),
  });
}

export async function setCarerActiveAction(_prev: FormResult | null, formData: FormData) {
  const deactivating = formData.get('change') === 'deactivate';
  return submit(formData, SetCarerActiveSchema, (c, input) => c.carerInvitations.setActive(input), {
    revalidate: (v) => `${record(v)}/carers`,
    message: deactivating
      ? 'Account deactivated. They have been signed out and cannot sign in until it is reactivated.'
      : 'Account reactivated. They can sign in again.',
  });
}

export async function breakGlassAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, RequestBreakGlassSchema, (c, input) => c.access.breakGlass(input), { redirectTo: record });
}

export async function recordWellbeingAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, RecordWellbeingSchema, (c, input) => c.wellbeing.record(input), {
    revalidate: (v) => `${record(v)}/wellbeing`,
    message: 'Wellbeing scores recorded.',
  });
}
