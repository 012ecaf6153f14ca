import { load, pageCaller } from '../../../lib/guard';
import { PatientHeader } from '../patient-header';
import { AccessLog } from '../../../components/access-log';

export const metadata = { title: 'Who has seen this record' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ organisationId?: string; before?: string }> };

export default async function AccessPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { caller } = await pageCaller();
  const summary = await load(caller.patients.get({ patientId: id }));
  const log = await load(
    caller.access.log({ patientId: id, organisationId: query.organisationId || undefined, cursor: query.before || undefined }),
  );
  return (
    <>
      <PatientHeader summary={summary} access={summary.access} current="access" />
      <AccessLog log={log} basePath={`/patients/${id}/access`} organisationId={query.organisationId} paged={!!query.before} />
    </>
  );
}
