import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { OrganisationSector, Role } from '../db/schema';
import { insertCareTeamMember, insertConsent, insertOrganisation, insertPatient, insertUser } from '../db/factories';
import type { Actor } from '../server/access/actor';
import { createCaller } from '../server/trpc/app-router';

/** A small area for integration tests: one navigator team, two practices, and staff in every sector. */
export async function makeWorld(db: Db) {
  const navTeam = await insertOrganisation(db, { name: 'Nav team', kind: 'navigator_team' });
  const practice = await insertOrganisation(db, { name: 'Practice A', kind: 'gp_practice', navigatorTeamId: navTeam.id });
  const otherPractice = await insertOrganisation(db, { name: 'Practice B', kind: 'gp_practice', navigatorTeamId: navTeam.id });
  const hospital = await insertOrganisation(db, { name: 'Hospital', kind: 'hospital_trust' });
  const socialCare = await insertOrganisation(db, { name: 'Social care', kind: 'adult_social_care' });
  const housing = await insertOrganisation(db, { name: 'Housing', kind: 'housing' });
  const voluntary = await insertOrganisation(db, { name: 'Voluntary', kind: 'voluntary' });

  const user = async (role: Role, organisationId: string | null, sector: OrganisationSector | null, name: string) => {
    const row = await insertUser(db, { role, organisationId, name });
    const actor: Actor = { userId: row.id, name, role, organisationId, sector };
    return { row, actor, caller: createCaller({ db, actor }) };
  };
  const navigator = await user('navigator', navTeam.id, 'primary', 'Nadia Navigator');
  const navigator2 = await user('navigator', navTeam.id, 'primary', 'Sam Navigator');
  const gp = await user('gp_staff', practice.id, 'primary', 'Dr A');
  const otherGp = await user('gp_staff', otherPractice.id, 'primary', 'Dr B');
  const hospitalStaff = await user('hospital_staff', hospital.id, 'secondary', 'Hospital H');
  const socialWorker = await user('social_worker', socialCare.id, 'social', 'Social S');
  const housingWorker = await user('service_worker', housing.id, 'housing', 'Housing H');
  const voluntaryWorker = await user('service_worker', voluntary.id, 'voluntary', 'Voluntary V');
  const admin = await user('admin', navTeam.id, 'primary', 'Admin A');
  const carer = await user('carer', null, null, 'Carer C');

  const patient = await insertPatient(db, {
    givenName: 'Margaret',
    familyName: 'Thompson',
    registeredPracticeId: practice.id,
    caseloadOrganisationId: navTeam.id,
    namedContactUserId: navigator.row.id,
  });
  for (const member of [socialWorker, housingWorker, voluntaryWorker]) {
    await insertCareTeamMember(db, {
      patientId: patient.id,
      userId: member.row.id,
      name: member.actor.name,
      organisationId: member.actor.organisationId,
      organisationName: 'Org',
    });
  }
  await insertConsent(db, {
    patientId: patient.id,
    purpose: 'housing',
    decision: 'granted',
    recordedByUserId: navigator.row.id,
    decidedAt: Date.now() - 86_400_000,
  });

  return {
    orgs: { navTeam, practice, otherPractice, hospital, socialCare, housing, voluntary },
    navigator,
    navigator2,
    gp,
    otherGp,
    hospitalStaff,
    socialWorker,
    housingWorker,
    voluntaryWorker,
    admin,
    carer,
    patient,
    /** Another user, for tests that need a second person in the same role. */
    addUser: user,
  };
}

/** Row counts of every table that a write touches, to prove a refused write changed nothing. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = [
    'patients',
    'care_team_members',
    'consents',
    'timeline_events',
    'organisations',
    'users',
    'discharges',
    'tasks',
    'notifications',
    'email_outbox',
    'checklist_items',
    'services',
    'referrals',
    'named_contact_handoffs',
    'carer_links',
    'carer_invitations',
    'break_glass_grants',
    'wellbeing_scores',
    'mdt_meetings',
    'mdt_discussions',
  ];
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = (await db.get<{ n: number }>(sql`select count(*) as n from ${sql.identifier(t)}`)).n;
  return counts;
}

/** Runs a promise expected to fail and returns the tRPC error (code, message, cause). */
export async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; cause?: unknown };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/**
 * Tables only PostgreSQL has: the rate limits' counts, which SQLite keeps in memory
 * (server/rate-limit/limiter.ts). Not carenav's records: a refused call rightly counts there.
 */
const POSTGRES_ONLY = ['rate_limits'];

/**
 * The tables of the database, by name, the same on both engines: on SQLite with its name search
 * index (a virtual table, read through; its shadow tables are left out), on PostgreSQL the base
 * tables of the public schema but those SQLite does not have. Drizzle's migrations table is left out.
 */
export async function tableNames(db: Db): Promise<string[]> {
  const rows =
    db.$engine === 'postgres'
      ? await db.all<{ name: string }>(
          sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like '__drizzle%'`,
        )
      : await db.all<{ name: string }>(
          sql`select name from pragma_table_list where schema = 'main' and type in ('table', 'virtual') and name not like 'sqlite_%' and name not like '__drizzle%'`,
        );
  return rows
    .map((row) => row.name)
    .filter((name) => !POSTGRES_ONLY.includes(name))
    .sort();
}

/**
 * A checksum of every row of every table (except the append-only audit log, where even a refused
 * attempt is rightly recorded), to prove that a refused call changed nothing at all. Independent of
 * the order rows are stored in (PostgreSQL has no rowid): the rows' JSON texts are sorted, then hashed.
 */
export async function tableChecksums(db: Db, except: readonly string[] = ['audit_log']): Promise<Record<string, string>> {
  const checksums: Record<string, string> = {};
  for (const t of await tableNames(db)) {
    if (except.includes(t)) continue;
    const rows = await db.all<Record<string, unknown>>(sql`select * from ${sql.identifier(t)}`);
    const hash = createHash('sha256');
    for (const row of rows.map((r) => JSON.stringify(Object.values(r))).sort()) hash.update(row + '\n');
    checksums[t] = hash.digest('hex').slice(0, 16);
  }
  return checksums;
}
