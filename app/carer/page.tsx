import Link from 'next/link';
import { SummaryList } from 'nhsuk-react-components';
import { load, pageCaller } from '../lib/guard';
import { formatDateTime } from '../lib/format';
import { WhyCanISee } from '../components/why-can-i-see';
import { CarerUpdateForm } from './update-form';

export const metadata = { title: 'People I care for' };

export default async function CarerPage() {
  const { caller } = await pageCaller();
  const { people, notSharing } = await load(caller.carer.summaries());
  return (
    <>
      <h1>People I care for</h1>
      {people.length === 0 && (
        <div className="nhsuk-inset-text">
          <p>
            Nobody is sharing their care details with you at the moment. The person you care for (or their attorney) needs to agree to share
            with you: ask their care navigator.
          </p>
        </div>
      )}
      {people.map((p) => (
        <section key={p.patientId} aria-labelledby={`person-${p.patientId}`} className="nhsuk-u-margin-bottom-9">
          <h2 id={`person-${p.patientId}`}>{p.name}</h2>
          <p className="nhsuk-body-s">You are linked as: {p.relationship}</p>
          <WhyCanISee explanation={p.explanation} />
          <div className="nhsuk-card">
            <div className="nhsuk-card__content">
              <h3 className="nhsuk-card__heading">Who to call</h3>
              {p.namedContact ? (
                <>
                  <p className="nhsuk-body-l nhsuk-u-margin-bottom-1">{p.namedContact.name}</p>
                  <p className="nhsuk-u-margin-bottom-1">
                    {p.namedContact.jobTitle ? `${p.namedContact.jobTitle}, ` : ''}
                    {p.namedContact.organisationName}
                  </p>
                  {p.namedContact.phone && <p className="nhsuk-u-margin-bottom-0">Phone {p.namedContact.phone}</p>}
                </>
              ) : (
                <p>A named contact has not been given yet.</p>
              )}
            </div>
          </div>

          <h3>Upcoming appointments and visits</h3>
          {p.appointments.length === 0 ? (
            <p>None planned that you have been told about.</p>
          ) : (
            <SummaryList>
              {p.appointments.map((a) => (
                <SummaryList.Row key={a.id}>
                  <SummaryList.Key>{formatDateTime(a.occurredAt)}</SummaryList.Key>
                  <SummaryList.Value>
                    <span className="carenav-pre">{a.body}</span>
                  </SummaryList.Value>
                </SummaryList.Row>
              ))}
            </SummaryList>
          )}

          <h3>What is happening</h3>
          {p.discharges.length === 0 && p.referrals.length === 0 ? (
            <p>No open referrals or hospital discharges.</p>
          ) : (
            <ul className="nhsuk-list nhsuk-list--bullet">
              {p.discharges.map((d) => (
                <li key={d}>{d}</li>
              ))}
              {p.referrals.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}

          <h3>Care team</h3>
          {p.careTeam.length === 0 ? (
            <p>Nobody is listed yet.</p>
          ) : (
            <ul className="nhsuk-list nhsuk-list--bullet">
              {p.careTeam.map((m, i) => (
                <li key={i}>
                  {m.name}, {m.role || 'role not given'} ({m.organisationName}){m.phone ? `: ${m.phone}` : ''}
                </li>
              ))}
            </ul>
          )}

          <h3>Updates from the care team</h3>
          {p.updates.length === 0 ? (
            <p>No updates shared with carers yet.</p>
          ) : (
            <ul className="nhsuk-list">
              {p.updates.map((u) => (
                <li key={u.id} className="nhsuk-u-margin-bottom-3">
                  <strong>{u.summary}</strong>, {formatDateTime(u.occurredAt)}, {u.byName}
                  {u.body && <span className="nhsuk-u-display-block carenav-pre">{u.body}</span>}
                </li>
              ))}
            </ul>
          )}

          <CarerUpdateForm patientId={p.patientId} name={p.name} />
          <p>
            <Link href={`/carer/${p.patientId}/access`}>Who has seen {p.name}’s record</Link>
          </p>
        </section>
      ))}
      {notSharing > 0 && (
        <p>
          {notSharing === 1 ? 'One person you are linked to is' : `${notSharing} people you are linked to are`} not sharing their details
          with you at the moment.
        </p>
      )}
    </>
  );
}
