import Link from 'next/link';
import { SummaryList, Tag } from 'nhsuk-react-components';
import { SECTORS } from '../../../server/timeline/list-timeline';
import { load, pageCaller } from '../../lib/guard';
import { DISCHARGE_STATUS_TAG, SECTOR_LABELS, formatDateTime, formatDate } from '../../lib/format';
import { DISCHARGE_STATUS_LABELS } from '../../../server/discharges/discharge-fields';
import { REFERRAL_STATUS_WORDS } from '../../../server/referrals/referral-fields';
import { PatientHeader } from './patient-header';
import { EntryForm } from './entry-form';

export const metadata = { title: 'Person’s record' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ sector?: string; before?: string }> };

export default async function PatientPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { caller } = await pageCaller();
  // The summary first: it decides whether this actor may open the record (a refusal is recorded once).
  const summary = await load(caller.patients.get({ patientId: id }));
  const sector = SECTORS.find((s) => s === query.sector);
  // The rest together, so their audit rows share one commit rather than waiting for one each.
  const [timeline, work] = await Promise.all([
    load(caller.timeline.list({ patientId: id, sector, cursor: query.before })),
    load(caller.discharges.forPatient({ patientId: id })),
  ]);
  const handoff = summary.pendingHandoff;
  const now = Date.now();
  const p = summary.patient;
  const contact = summary.namedContact;
  // What this page offers comes from the policy, on this person, for this actor (e.g. none of it under emergency access).
  const { may } = summary;
  const canEdit = may['patient.edit'];
  const timelineHref = (next: { sector?: string; before?: string }) => {
    const qs = new URLSearchParams(Object.entries({ sector, ...next }).filter((e): e is [string, string] => !!e[1]));
    return `/patients/${id}${qs.size ? `?${qs.toString()}` : ''}#timeline`;
  };

  return (
    <>
      <PatientHeader summary={summary} access={summary.access} current="record" />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <div className="nhsuk-card">
            <div className="nhsuk-card__content">
              <h2 className="nhsuk-card__heading">Named contact</h2>
              {contact ? (
                <>
                  <p className="nhsuk-body-l nhsuk-u-margin-bottom-1">{contact.name}</p>
                  <p className="nhsuk-u-margin-bottom-1">
                    {contact.jobTitle ? `${contact.jobTitle}, ` : ''}
                    {contact.organisationName}
                  </p>
                  <p className="nhsuk-u-margin-bottom-0">
                    {contact.phone && <>Phone {contact.phone}</>}
                    {contact.phone && contact.email && ' · '}
                    {contact.email && <>Email {contact.email}</>}
                  </p>
                </>
              ) : (
                <p>No named contact yet. Everyone on a caseload should have one.</p>
              )}
              {handoff && (
                <p className="nhsuk-u-margin-top-3 nhsuk-u-margin-bottom-0">
                  <Tag modifier="yellow">Hand-over pending</Tag> to {handoff.toName} since {formatDate(handoff.createdAt)}:{' '}
                  {handoff.fromName} stays responsible until they accept.
                </p>
              )}
              {(may['patient.assignNamedContact'] || may['handoff.offer']) && (
                <p className="nhsuk-u-margin-top-3 nhsuk-u-margin-bottom-0">
                  <Link href={`/patients/${id}/named-contact`}>
                    Change named contact
                    <span className="nhsuk-u-visually-hidden">
                      {' '}
                      for {p.givenName} {p.familyName}
                    </span>
                  </Link>
                </p>
              )}
            </div>
          </div>

          <h2>Summary</h2>
          <SummaryList>
            <SummaryList.Row>
              <SummaryList.Key>Care team</SummaryList.Key>
              <SummaryList.Value>
                {summary.careTeam.length === 0 && !summary.namedContact ? (
                  'Nobody yet'
                ) : (
                  <ul className="nhsuk-list">
                    {/* The named contact is part of the team around the person, whether or not they were added to it. */}
                    {summary.namedContact && !summary.careTeam.some((m) => m.userId === p.namedContactUserId) && (
                      <li>
                        {summary.namedContact.name}, named contact ({summary.namedContact.organisationName})
                      </li>
                    )}
                    {summary.careTeam.map((m) => (
                      <li key={m.id}>
                        {m.name}, {m.role || 'role not given'} ({m.organisationName})
                      </li>
                    ))}
                  </ul>
                )}
              </SummaryList.Value>
              <SummaryList.Action href={`/patients/${id}/care-team`} visuallyHiddenText="care team">
                View
              </SummaryList.Action>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Risk</SummaryList.Key>
              <SummaryList.Value>{p.riskLevel[0]?.toUpperCase() + p.riskLevel.slice(1)}</SummaryList.Value>
              {canEdit && (
                <SummaryList.Action href={`/patients/${id}/edit`} visuallyHiddenText="risk">
                  Change
                </SummaryList.Action>
              )}
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Long-term conditions</SummaryList.Key>
              <SummaryList.Value>
                {p.conditions.length ? (
                  <ul className="nhsuk-list">
                    {p.conditions.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                ) : (
                  'None recorded'
                )}
              </SummaryList.Value>
              {canEdit && (
                <SummaryList.Action href={`/patients/${id}/edit`} visuallyHiddenText="long-term conditions">
                  Change
                </SummaryList.Action>
              )}
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Communication needs</SummaryList.Key>
              <SummaryList.Value className="carenav-pre">{p.communicationNeeds || 'None recorded'}</SummaryList.Value>
              {canEdit && (
                <SummaryList.Action href={`/patients/${id}/edit`} visuallyHiddenText="communication needs">
                  Change
                </SummaryList.Action>
              )}
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Home access</SummaryList.Key>
              <SummaryList.Value className="carenav-pre">{p.homeAccessNotes || 'None recorded'}</SummaryList.Value>
              {canEdit && (
                <SummaryList.Action href={`/patients/${id}/edit`} visuallyHiddenText="home access">
                  Change
                </SummaryList.Action>
              )}
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Next action</SummaryList.Key>
              <SummaryList.Value>{p.nextAction || 'None set'}</SummaryList.Value>
              {canEdit && (
                <SummaryList.Action href={`/patients/${id}/edit`} visuallyHiddenText="next action">
                  Change
                </SummaryList.Action>
              )}
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Address and phone</SummaryList.Key>
              <SummaryList.Value className="carenav-pre">
                {[p.address, p.postcode, p.phone && `Phone ${p.phone}`].filter(Boolean).join('\n') || 'None recorded'}
              </SummaryList.Value>
              {canEdit && (
                <SummaryList.Action href={`/patients/${id}/edit`} visuallyHiddenText="address and phone">
                  Change
                </SummaryList.Action>
              )}
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>GP practice</SummaryList.Key>
              <SummaryList.Value>
                {summary.practiceName}
                {summary.practicePhone ? ` (${summary.practicePhone})` : ''}
              </SummaryList.Value>
            </SummaryList.Row>
          </SummaryList>

          <h2 id="about-me">About me</h2>
          <p className="nhsuk-body-s">In the person’s own words, so they do not have to tell their story again.</p>
          <SummaryList>
            <AboutRow label="What matters to me" value={p.aboutWhatMatters} />
            <AboutRow label="My strengths" value={p.aboutStrengths} />
            <AboutRow label="What everyone should know" value={p.aboutEveryoneShouldKnow} />
          </SummaryList>
          {canEdit && (
            <p>
              <Link href={`/patients/${id}/about-me`}>Edit about me</Link>
            </p>
          )}
        </div>
      </div>

      <h2 id="work">Tasks, discharges and referrals</h2>
      <div className="carenav-actions nhsuk-u-margin-bottom-4">
        {may['task.create'] && <Link href={`/patients/${id}/tasks/new`}>Add a task</Link>}
        {may['discharge.flag'] && <Link href={`/discharges/new?patientId=${id}`}>Flag a risky discharge</Link>}
        {may['referral.send'] && <Link href={`/patients/${id}/referrals/new`}>Refer to a service</Link>}
      </div>
      {work.openTasks.length === 0 ? (
        <p>No open tasks.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border">
          {work.openTasks.map((t) => (
            <li key={t.id}>
              <Link href={`/tasks/${t.id}`}>{t.title}</Link> · {t.assigneeName ?? `${t.teamName} queue`} ·{' '}
              {t.dueAt ? `due ${formatDateTime(t.dueAt)}` : t.isFollowUp ? 'due once home' : 'no due date'}
              {t.dueAt !== null && t.dueAt < now && (
                <>
                  {' '}
                  <Tag modifier="red">Overdue</Tag>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {work.referrals.length > 0 && (
        <ul className="nhsuk-list">
          {work.referrals.map((r) => (
            <li key={r.id}>
              <Link href={`/referrals/${r.id}`}>Referral to {r.serviceName}</Link>: {REFERRAL_STATUS_WORDS[r.status]}
              {r.outcome && ` (${r.outcome === 'successful' ? 'successful' : 'not successful'})`}
            </li>
          ))}
        </ul>
      )}
      {work.discharges.length > 0 && (
        <ul className="nhsuk-list">
          {work.discharges.map((d) => (
            <li key={d.id}>
              <Link href={`/discharges/${d.id}`}>
                Discharge from {d.hospital}, expected {formatDate(d.expectedDate)}
              </Link>{' '}
              <Tag modifier={DISCHARGE_STATUS_TAG[d.status]}>{DISCHARGE_STATUS_LABELS[d.status]}</Tag>
            </li>
          ))}
        </ul>
      )}

      <h2 id="timeline">Timeline</h2>
      {may['timeline.write'] && (
        <details className="nhsuk-details nhsuk-expander" open={false}>
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Add a note or contact</span>
          </summary>
          <div className="nhsuk-details__text">
            <EntryForm patientId={id} />
          </div>
        </details>
      )}
      <nav aria-label="Filter the timeline by sector">
        <p className="nhsuk-body-s">
          Show:{' '}
          <Link href={timelineHref({ sector: undefined })} aria-current={!sector ? 'true' : undefined}>
            All sectors
          </Link>
          {SECTORS.map((s) => (
            <span key={s}>
              {' · '}
              <Link href={`/patients/${id}?sector=${s}#timeline`} aria-current={sector === s ? 'true' : undefined}>
                {SECTOR_LABELS[s]}
              </Link>
            </span>
          ))}
        </p>
      </nav>
      {timeline.items.length === 0 ? (
        <p>{sector ? `Nothing from ${SECTOR_LABELS[sector].toLowerCase()} yet.` : 'Nothing on the timeline yet.'}</p>
      ) : (
        <ol className="carenav-timeline" reversed>
          {timeline.items.map((e) => (
            <li key={e.id} data-sector={e.sector} id={`event-${e.id}`}>
              <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                {e.summary}
                {e.amendedBy.length > 0 && (
                  <>
                    {' '}
                    <Tag modifier="yellow">Corrected</Tag>
                  </>
                )}
              </h3>
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                <time dateTime={new Date(e.occurredAt).toISOString()}>{formatDateTime(e.occurredAt)}</time> · {e.authorName}
                {e.organisationName ? `, ${e.organisationName}` : ''} · <span className="carenav-sector">{SECTOR_LABELS[e.sector]}</span>
                {e.carerVisible && ' · Visible to carers'}
              </p>
              {e.body && <p className="carenav-pre nhsuk-u-margin-bottom-1">{e.body}</p>}
              {e.amendsEventId && (
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                  <a href={`#event-${e.amendsEventId}`}>See the original entry</a>
                </p>
              )}
              {may['timeline.write'] && e.kind !== 'amendment' && (
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                  <Link href={`/patients/${id}/timeline/${e.id}/amend`}>
                    Correct this entry
                    <span className="nhsuk-u-visually-hidden">
                      : {e.summary}, {formatDate(e.occurredAt)}
                    </span>
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {timeline.nextCursor && (
        <p>
          <Link href={timelineHref({ before: timeline.nextCursor })}>Show older entries</Link>
        </p>
      )}
      {query.before && (
        <p>
          <Link href={timelineHref({ before: undefined })}>Back to the newest entries</Link>
        </p>
      )}
    </>
  );
}

function AboutRow({ label, value }: { label: string; value: string }) {
  return (
    <SummaryList.Row>
      <SummaryList.Key>{label}</SummaryList.Key>
      <SummaryList.Value className="carenav-pre">{value || 'Not written yet'}</SummaryList.Value>
    </SummaryList.Row>
  );
}
