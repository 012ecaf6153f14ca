import { Button } from 'nhsuk-react-components';
import { CATEGORY_LABELS, SERVICE_CATEGORIES } from '../../../../../server/directory/service-fields';
import { can } from '../../../../../server/access/permissions';
import { PURPOSE_LABELS } from '../../../../../server/access/sharing-rules';
import { load, pageCaller } from '../../../../lib/guard';
import { PatientSubpage } from '../../patient-subpage';
import { FilterField } from '../../../../components/filter-field';
import { ReferralForm } from './referral-form';
import { ReadOnlyNotice } from '../../emergency-banner';

export const metadata = { title: 'Refer to a service' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string; category?: string }> };

export default async function NewReferralPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { caller, actor } = await pageCaller();
  const summary = await load(caller.patients.get({ patientId: id }));
  if (!summary.may['referral.send'])
    return (
      <PatientSubpage summary={summary} title="Refer to a service">
        <ReadOnlyNotice patientId={id} explanation={summary.refused['referral.send']} />
      </PatientSubpage>
    );
  const category = SERVICE_CATEGORIES.find((c) => c === query.category) ?? '';
  const q = (query.q ?? '').slice(0, 100);
  const found = await load(caller.directory.search({ query: q, category, includeInactive: false }));
  return (
    <PatientSubpage summary={summary} title="Refer to a service">
      <form method="get" className="carenav-filters" aria-label="Find a service">
        <FilterField id="q" label="Service name, provider or area">
          <input className="nhsuk-input nhsuk-input--width-20" id="q" name="q" defaultValue={q} />
        </FilterField>
        <FilterField id="category" label="Category">
          <select className="nhsuk-select" id="category" name="category" defaultValue={category}>
            <option value="">Any category</option>
            {SERVICE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </FilterField>
        <Button type="submit" secondary>
          Find services
        </Button>
      </form>
      <ReferralForm
        patientId={id}
        aboutWhatMatters={summary.patient.aboutWhatMatters}
        canRecordConsent={can(actor.role, 'consent.record')}
        purposeLabels={PURPOSE_LABELS}
        services={found.map((s) => ({
          id: s.id,
          label: s.name,
          hint: [s.providerName, s.area, s.eligibility, s.organisationId ? '' : `Not through carenav: contact them directly (${s.contact})`]
            .filter(Boolean)
            .join(' · '),
        }))}
      />
    </PatientSubpage>
  );
}
