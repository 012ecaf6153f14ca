import Link from 'next/link';
import { load, pageCaller } from '../../../lib/guard';
import { AccessLog } from '../../../components/access-log';
import { WhyCanISee } from '../../../components/why-can-i-see';

export const metadata = { title: 'Who has seen the record' };

type Props = { params: Promise<{ patientId: string }>; searchParams: Promise<{ organisationId?: string; before?: string }> };

/** The carer's copy of "who has seen this record", for a person who shares with them. */
export default async function CarerAccessPage({ params, searchParams }: Props) {
  const { patientId } = await params;
  const query = await searchParams;
  const { caller } = await pageCaller();
  const person = await load(caller.carer.person({ patientId }));
  const log = await load(
    caller.carer.accessLog({ patientId, organisationId: query.organisationId || undefined, cursor: query.before || undefined }),
  );
  return (
    <>
      <p>
        <Link href="/carer" className="nhsuk-back-link">
          People I care for
        </Link>
      </p>
      <span className="nhsuk-caption-l">{person.name}</span>
      <h1>Who has seen the record</h1>
      <WhyCanISee explanation={person.explanation} />
      <AccessLog log={log} basePath={`/carer/${patientId}/access`} organisationId={query.organisationId} paged={!!query.before} />
    </>
  );
}
