import type { Db } from '../client';
import type {
  auditLog,
  carerLinks,
  discharges,
  mdtDiscussions,
  mdtMeetings,
  notifications,
  referrals,
  services,
  tasks,
  wellbeingScores,
} from '../schema';
import { careTeamMembers, consents, organisations, patients, timelineEvents, users } from '../schema';
import { randomUUID as newId } from 'node:crypto';
import { newDecisionId } from '../../server/ids';
import { KIND_SECTOR, carerKeyOf, searchNameOf } from '../schema';

type Writer = Pick<Db, 'insert'>;

/** argon2id hash of the public demo password "demo-password" (precomputed: hashing is slow by design). */
export const DEMO_PASSWORD = 'demo-password';
export const DEMO_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$CWGFpfeGBpx+uTiFoWywQg$MdWX+NIAGjiHkiSTJZUg9MPCeZrHdEHQGceicYbo4Fo';

let counter = 0;
const next = () => ++counter;

/** Appends the modulus-11 check digit to a 9-digit stem, or returns null when no check digit works. */
export function withCheckDigit(stem: string): string | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(stem[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return `${stem}${check === 11 ? 0 : check}`;
}

/** The n-th valid NHS number in the 999 test range (never issued to real people). */
export function testNhsNumber(n: number): string {
  for (let i = n; ; i++) {
    const number = withCheckDigit(`999${String(i).padStart(6, '0')}`);
    if (number) return number;
  }
}

/**
 * Each factory comes in two forms: `xRow(overrides)` builds a valid row (the domain's derived fields
 * filled in, e.g. search name, sector, carer key) and `insertX(db, overrides)` writes one. Tests and
 * the demo seed insert; the synthetic generator (db/seed/synth.ts) builds rows and writes them in bulk.
 */
export function organisationRow(overrides: Partial<typeof organisations.$inferInsert> = {}) {
  const kind = overrides.kind ?? 'gp_practice';
  const row = {
    id: newId(),
    name: `Organisation ${next()}`,
    kind,
    sector: KIND_SECTOR[kind],
    createdAt: Date.now(),
    ...overrides,
  } satisfies typeof organisations.$inferInsert;
  return row;
}

export async function insertOrganisation(db: Writer, overrides: Partial<typeof organisations.$inferInsert> = {}) {
  const row = organisationRow(overrides);
  await db.insert(organisations).values(row).run();
  return row;
}

type UserOverrides = Partial<typeof users.$inferInsert> & Pick<typeof users.$inferInsert, 'role'>;

export function userRow(overrides: UserOverrides) {
  const n = next();
  const row = {
    id: newId(),
    email: `user${n}@example.test`,
    name: `User ${n}`,
    organisationId: null,
    passwordHash: DEMO_PASSWORD_HASH,
    createdAt: Date.now(),
    ...overrides,
  } satisfies typeof users.$inferInsert;
  return row;
}

export async function insertUser(db: Writer, overrides: UserOverrides) {
  const row = userRow(overrides);
  await db.insert(users).values(row).run();
  return row;
}

type PatientOverrides = Partial<typeof patients.$inferInsert> &
  Pick<typeof patients.$inferInsert, 'registeredPracticeId' | 'caseloadOrganisationId'>;

export function patientRow(overrides: PatientOverrides) {
  const n = next();
  const givenName = overrides.givenName ?? 'Test';
  const familyName = overrides.familyName ?? `Person${n}`;
  const now = Date.now();
  const row = {
    id: newId(),
    nhsNumber: testNhsNumber(500000 + n * 7),
    givenName,
    familyName,
    searchName: searchNameOf(givenName, familyName),
    dateOfBirth: '1940-01-01',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  } satisfies typeof patients.$inferInsert;
  return row;
}

export async function insertPatient(db: Writer, overrides: PatientOverrides) {
  const row = patientRow(overrides);
  await db.insert(patients).values(row).run();
  return row;
}

type CareTeamMemberOverrides = Partial<typeof careTeamMembers.$inferInsert> & Pick<typeof careTeamMembers.$inferInsert, 'patientId'>;

export function careTeamMemberRow(overrides: CareTeamMemberOverrides) {
  const row = {
    id: newId(),
    name: 'Care team member',
    role: 'Key worker',
    organisationName: 'External organisation',
    addedAt: Date.now(),
    ...overrides,
  } satisfies typeof careTeamMembers.$inferInsert;
  return row;
}

export async function insertCareTeamMember(db: Writer, overrides: CareTeamMemberOverrides) {
  const row = careTeamMemberRow(overrides);
  await db.insert(careTeamMembers).values(row).run();
  return row;
}

type ConsentOverrides = Partial<typeof consents.$inferInsert> &
  Pick<typeof consents.$inferInsert, 'patientId' | 'purpose' | 'decision' | 'recordedByUserId'>;

export function consentRow(overrides: ConsentOverrides) {
  const now = Date.now();
  const row = {
    id: newDecisionId(),
    method: 'verbal',
    decidedAt: now,
    recordedAt: now,
    ...overrides,
    carerKey: carerKeyOf(overrides.carerName ?? ''),
  } satisfies typeof consents.$inferInsert;
  return row;
}

export async function insertConsent(db: Writer, overrides: ConsentOverrides) {
  const row = consentRow(overrides);
  await db.insert(consents).values(row).run();
  return row;
}

type TimelineEventOverrides = Partial<typeof timelineEvents.$inferInsert> &
  Pick<typeof timelineEvents.$inferInsert, 'patientId' | 'actorUserId' | 'sector'>;

export function timelineEventRow(overrides: TimelineEventOverrides) {
  const now = Date.now();
  const row = {
    id: newId(),
    kind: 'note',
    summary: 'Note',
    occurredAt: now,
    recordedAt: now,
    ...overrides,
  } satisfies typeof timelineEvents.$inferInsert;
  return row;
}

export async function insertTimelineEvent(db: Writer, overrides: TimelineEventOverrides) {
  const row = timelineEventRow(overrides);
  await db.insert(timelineEvents).values(row).run();
  return row;
}

type Required<T, K extends keyof T> = Partial<T> & Pick<T, K>;

export function serviceRow(overrides: Required<typeof services.$inferInsert, 'category'>) {
  const n = next();
  const now = Date.now();
  return {
    id: newId(),
    name: `Service ${n}`,
    providerName: `Provider ${n}`,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  } satisfies typeof services.$inferInsert;
}

export function referralRow(
  overrides: Required<typeof referrals.$inferInsert, 'patientId' | 'serviceId' | 'toOrganisationId' | 'fromUserId'>,
) {
  const now = Date.now();
  return {
    id: newId(),
    reason: 'Referral reason',
    urgency: 'routine',
    personWants: '',
    aboutMeReused: false,
    targetAt: now,
    sentAt: now,
    updatedAt: now,
    ...overrides,
  } satisfies typeof referrals.$inferInsert;
}

export function dischargeRow(overrides: Required<typeof discharges.$inferInsert, 'patientId' | 'flaggedByUserId'>) {
  const now = Date.now();
  return {
    id: newId(),
    flaggerContact: '01632 960000',
    hospital: 'Hospital',
    expectedDate: new Date(now).toISOString().slice(0, 10),
    pathway: 1,
    riskLevel: 'medium',
    concern: 'Concern',
    ask: 'Ask',
    carerConsulted: false,
    followUpHours: 48,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  } satisfies typeof discharges.$inferInsert;
}

export function taskRow(overrides: Required<typeof tasks.$inferInsert, 'patientId' | 'assigneeOrganisationId' | 'createdByUserId'>) {
  const now = Date.now();
  return {
    id: newId(),
    title: 'Task',
    origin: 'manual',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  } satisfies typeof tasks.$inferInsert;
}

export function notificationRow(overrides: Required<typeof notifications.$inferInsert, 'userId' | 'kind'>) {
  return { id: newId(), title: 'Notification', createdAt: Date.now(), ...overrides } satisfies typeof notifications.$inferInsert;
}

export function wellbeingRow(overrides: Required<typeof wellbeingScores.$inferInsert, 'patientId' | 'recordedByUserId'>) {
  const now = Date.now();
  return {
    id: newId(),
    kind: 'baseline',
    lifeSatisfaction: 5,
    worthwhile: 5,
    happiness: 5,
    anxiety: 5,
    answeredOn: new Date(now).toISOString().slice(0, 10),
    recordedAt: now,
    ...overrides,
  } satisfies typeof wellbeingScores.$inferInsert;
}

export function carerLinkRow(overrides: Required<typeof carerLinks.$inferInsert, 'carerUserId' | 'patientId'>) {
  return { id: newId(), relationship: 'Daughter', createdAt: Date.now(), ...overrides } satisfies typeof carerLinks.$inferInsert;
}

export function auditRow(overrides: Required<typeof auditLog.$inferInsert, 'action' | 'outcome'>) {
  return { id: newId(), at: Date.now(), ...overrides } satisfies typeof auditLog.$inferInsert;
}

export function mdtMeetingRow(overrides: Required<typeof mdtMeetings.$inferInsert, 'organisationId' | 'recordedByUserId'>) {
  const now = Date.now();
  return {
    id: newId(),
    heldOn: new Date(now).toISOString().slice(0, 10),
    attendees: 'Care coordinator',
    createdAt: now,
    ...overrides,
  } satisfies typeof mdtMeetings.$inferInsert;
}

export function mdtDiscussionRow(overrides: Required<typeof mdtDiscussions.$inferInsert, 'meetingId' | 'patientId' | 'recordedByUserId'>) {
  return { id: newId(), note: 'Discussed at the MDT', createdAt: Date.now(), ...overrides } satisfies typeof mdtDiscussions.$inferInsert;
}
