// Who and what the benchmark reads: picked from the synthetic database by rule, never by hand, so
// every run on the same seed measures the same people.
import type { SqliteDatabase } from '../../db/sqlite';
import type { Actor } from '../../server/access/actor';
import type { OrganisationSector, Role } from '../../db/schema';

export type Subjects = ReturnType<typeof pickSubjects>;

type UserRow = { id: string; name: string; role: Role; organisation_id: string | null; sector: OrganisationSector | null; email: string };

export function actorOf(user: UserRow): Actor {
  return { userId: user.id, name: user.name, role: user.role, organisationId: user.organisation_id, sector: user.sector, ip: '127.0.0.1' };
}

export function pickSubjects(sqlite: SqliteDatabase) {
  const user = (where: string, ...params: unknown[]) =>
    sqlite
      .prepare(
        `select u.id, u.name, u.role, u.organisation_id, o.sector, u.email from users u left join organisations o on o.id = u.organisation_id where ${where} order by u.rowid limit 1`,
      )
      .get(...params) as UserRow;
  // The person with the longest timeline, and their named contact: the navigator everything is read as.
  const heaviest = sqlite
    .prepare('select patient_id id, count(*) events from timeline_events group by patient_id order by events desc limit 1')
    .get() as { id: string; events: number };
  const navigatorId = sqlite.prepare('select named_contact_user_id from patients where id = ?').pluck().get(heaviest.id) as string;
  const navigator = user('u.id = ?', navigatorId);
  // People on that navigator's own caseload, for reads that vary the person.
  const people = sqlite
    .prepare("select id, nhs_number nhsNumber from patients where named_contact_user_id = ? and status = 'active' order by rowid limit 200")
    .all(navigatorId) as { id: string; nhsNumber: string }[];
  // The event 100,000 deep in the heaviest timeline (newest first), as a keyset cursor.
  const depth = Math.min(100_000, heaviest.events - 21);
  const deep = sqlite
    .prepare('select occurred_at at, id from timeline_events where patient_id = ? order by occurred_at desc, id desc limit 1 offset ?')
    .get(heaviest.id, depth) as { at: number; id: string };
  // A housing worker of the organisation with the most open referrals: the team inbox.
  const inboxOrg = sqlite
    .prepare(
      "select to_organisation_id from referrals r join organisations o on o.id = r.to_organisation_id where o.kind = 'housing' and r.status = 'sent' group by 1 order by count(*) desc limit 1",
    )
    .pluck()
    .get() as string;
  const housingWorker = user("u.organisation_id = ? and u.role = 'service_worker'", inboxOrg);
  const admin = user("u.role = 'admin'");
  const carer = user("u.role = 'carer'");
  return {
    navigator,
    navigatorActor: actorOf(navigator),
    housingWorker,
    housingActor: actorOf(housingWorker),
    admin,
    adminActor: actorOf(admin),
    carer,
    heaviest,
    /** As the API takes it ("<key>_<id>") and as the use case takes it (parsed). */
    deepCursor: `${deep.at}_${deep.id}`,
    deepKeyset: { key: String(deep.at), id: deep.id },
    depth,
    people,
  };
}

/** Name prefixes typed into search: common and rare, two to five letters. */
export const SEARCH_PREFIXES = [
  'sm',
  'smi',
  'jon',
  'marg',
  'tho',
  'pat',
  'ken',
  'harr',
  'bro',
  'wil',
  'dor',
  'ahm',
  'kau',
  'gre',
  'mar smi',
  'joan ta',
];
