import { TabNav } from '../../components/tab-nav';
import { WhyCanISee } from '../../components/why-can-i-see';
import { Tag } from 'nhsuk-react-components';
import type { PatientSummary } from '../../../server/patients/get-patient';
import type { AccessDecision } from '../../../server/access/policy';
import { RISK_TAG, ageFrom, formatDate, formatNhsNumber } from '../../lib/format';
import { EmergencyBanner } from './emergency-banner';

type Tab = 'record' | 'consent' | 'care-team' | 'carers' | 'wellbeing' | 'access';

/** The banner at the top of every page about one person: who they are, and why you can see them. */
export function PatientHeader({ summary, access, current }: { summary: PatientSummary; access: AccessDecision; current: Tab }) {
  const p = summary.patient;
  const base = `/patients/${p.id}`;
  const tabs: { id: Tab; href: string; label: string }[] = [
    { id: 'record', href: base, label: 'Record and timeline' },
    { id: 'care-team', href: `${base}/care-team`, label: 'Care team' },
    { id: 'consent', href: `${base}/consent`, label: 'Consent' },
    { id: 'carers', href: `${base}/carers`, label: 'Carers' },
    { id: 'wellbeing', href: `${base}/wellbeing`, label: 'Wellbeing' },
    { id: 'access', href: `${base}/access`, label: 'Access' },
  ];
  return (
    <>
      <span className="nhsuk-caption-l">
        NHS number {formatNhsNumber(p.nhsNumber)} · Born {formatDate(p.dateOfBirth)} ({ageFrom(p.dateOfBirth)} years)
      </span>
      <h1 className="nhsuk-u-margin-bottom-3">
        {p.givenName} {p.familyName}
      </h1>
      <p>
        <Tag modifier={RISK_TAG[p.riskLevel].modifier}>{RISK_TAG[p.riskLevel].label}</Tag>{' '}
        {p.status === 'closed' && <Tag modifier="grey">Record closed{p.closedReason ? `: ${p.closedReason}` : ''}</Tag>}
      </p>
      <EmergencyBanner access={access} />
      <WhyCanISee explanation={access.explanation} />
      <TabNav label="Sections of this record" tabs={tabs} current={current} />
    </>
  );
}
