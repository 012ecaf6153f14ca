import Link from 'next/link';
import { Tag } from 'nhsuk-react-components';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../../components/table';
import { CATEGORY_LABELS, SERVICE_CATEGORIES } from '../../../server/directory/service-fields';
import { load, pageCaller } from '../../lib/guard';
import { ImportForm } from './import-form';
import { ServiceForm } from './service-form';
import { OutcomeReasons } from './outcome-reasons';

export const metadata = { title: 'Service directory' };

export default async function ServicesPage() {
  const { caller } = await pageCaller();
  const [services, organisations, reasons] = await Promise.all([
    load(caller.directory.manage({ query: '', category: '', includeInactive: true })),
    load(caller.admin.organisations()),
    load(caller.referrals.outcomeReasons()),
  ]);
  return (
    <>
      <span className="nhsuk-caption-l">Administration</span>
      <h1>Service directory</h1>
      <p>
        The local services staff can refer people to. A service linked to a carenav organisation receives referrals in that team’s inbox.
      </p>
      {services.length === 0 ? (
        <div className="nhsuk-inset-text">
          <p>The directory is empty. Import an Open Referral UK file or add a service below.</p>
        </div>
      ) : (
        <Table responsive caption={`${services.length} services`}>
          <TableHead>
            <TableRow>
              <TableCell>Service</TableCell>
              <TableCell>Category</TableCell>
              <TableCell>Receives referrals in</TableCell>
              <TableCell>Status</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {services.map((s) => (
              <TableRow key={s.id}>
                <TableCell>
                  <Link href={`/admin/services/${s.id}`}>{s.name}</Link>
                  <span className="nhsuk-body-s nhsuk-u-display-block">{s.providerName}</span>
                </TableCell>
                <TableCell>{CATEGORY_LABELS[s.category]}</TableCell>
                <TableCell>{s.organisationName ?? 'Not on carenav'}</TableCell>
                <TableCell>{s.active ? <Tag modifier="green">Taking referrals</Tag> : <Tag modifier="grey">Switched off</Tag>}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2>Import from Open Referral UK</h2>
          <ImportForm />
          <h2>Reasons a referral did not succeed</h2>
          <p>Offered to the receiving team when they complete a referral as not successful.</p>
          <OutcomeReasons reasons={reasons} />
          <h2>Add a service</h2>
          <ServiceForm
            initial={{ targetUrgentHours: '4', targetSoonWorkingDays: '2', targetRoutineWorkingDays: '10', active: 'true' }}
            categories={SERVICE_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
            organisations={organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
        </div>
      </div>
    </>
  );
}
