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

// Each action passes the form's strings to one procedure, whose schema validates them; the
// procedure builder checks access and audits. Nothing here decides anything.

export async function addEntryAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.timeline.add(v as never), { revalidate: record({ patientId: String(formData.get('patientId')) }), message: 'Added to the timeline.' });
}

export async function updatePatientAction(_prev: FormResult | null, formData: FormData) {
  const patientId = String(formData.get('patientId') ?? '');
  return submit(
    formData,
    (c, v) =>
      c.patients.update({
        patientId: v.patientId ?? '',
        expectedVersion: v.expectedVersion as never,
        changes: Object.fromEntries(EDIT_FIELDS.filter((f) => f in v).map((f) => [f, v[f]])) as never,
      }),
    { redirectTo: record({ patientId }) },
  );
}

export async function changeNamedContactAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.patients.changeNamedContact(v as never), { redirectTo: record({ patientId: String(formData.get('patientId')) }) });
}

export async function addCareTeamMemberAction(_prev: FormResult | null, formData: FormData) {
  const patientId = String(formData.get('patientId') ?? '');
  return submit(formData, (c, v) => c.patients.addCareTeamMember(v as never), { revalidate: `${record({ patientId })}/care-team`, message: 'Added to the care team.' });
}

export async function removeCareTeamMemberAction(_prev: FormResult | null, formData: FormData) {
  const patientId = String(formData.get('patientId') ?? '');
  return submit(formData, (c, v) => c.patients.removeCareTeamMember(v as never), { redirectTo: `${record({ patientId })}/care-team` });
}

export async function recordConsentAction(_prev: FormResult | null, formData: FormData) {
  const patientId = String(formData.get('patientId') ?? '');
  return submit(formData, (c, v) => c.consent.record(v as never), { revalidate: `${record({ patientId })}/consent`, message: 'Consent decision recorded.' });
}

export async function amendEventAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.timeline.amend(v as never), { redirectTo: record({ patientId: String(formData.get('patientId')) }) });
}
