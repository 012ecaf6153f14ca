import type { Db } from '../client';
import {
  careTeamMembers,
  consents,
  organisations,
  patients,
  timelineEvents,
  users,
} from '../schema';
import { randomUUID as newId } from 'node:crypto';
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

export function insertOrganisation(db: Writer, overrides: Partial<typeof organisations.$inferInsert> = {}) {
  const kind = overrides.kind ?? 'gp_practice';
  const row = {
    id: newId(),
    name: `Organisation ${next()}`,
    kind,
    sector: KIND_SECTOR[kind],
    createdAt: Date.now(),
    ...overrides,
  } satisfies typeof organisations.$inferInsert;
  db.insert(organisations).values(row).run();
  return row;
}

export function insertUser(db: Writer, overrides: Partial<typeof users.$inferInsert> & Pick<typeof users.$inferInsert, 'role'>) {
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
  db.insert(users).values(row).run();
  return row;
}

export function insertPatient(
  db: Writer,
  overrides: Partial<typeof patients.$inferInsert> & Pick<typeof patients.$inferInsert, 'registeredPracticeId' | 'caseloadOrganisationId'>,
) {
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
  db.insert(patients).values(row).run();
  return row;
}

export function insertCareTeamMember(
  db: Writer,
  overrides: Partial<typeof careTeamMembers.$inferInsert> & Pick<typeof careTeamMembers.$inferInsert, 'patientId'>,
) {
  const row = {
    id: newId(),
    name: 'Care team member',
    role: 'Key worker',
    organisationName: 'External organisation',
    addedAt: Date.now(),
    ...overrides,
  } satisfies typeof careTeamMembers.$inferInsert;
  db.insert(careTeamMembers).values(row).run();
  return row;
}

export function insertConsent(
  db: Writer,
  overrides: Partial<typeof consents.$inferInsert> &
    Pick<typeof consents.$inferInsert, 'patientId' | 'purpose' | 'decision' | 'recordedByUserId'>,
) {
  const now = Date.now();
  const row = {
    id: newId(),
    method: 'verbal',
    decidedAt: now,
    recordedAt: now,
    ...overrides,
    carerKey: carerKeyOf(overrides.carerName ?? ''),
  } satisfies typeof consents.$inferInsert;
  db.insert(consents).values(row).run();
  return row;
}

export function insertTimelineEvent(
  db: Writer,
  overrides: Partial<typeof timelineEvents.$inferInsert> &
    Pick<typeof timelineEvents.$inferInsert, 'patientId' | 'actorUserId' | 'sector'>,
) {
  const now = Date.now();
  const row = {
    id: newId(),
    kind: 'note',
    summary: 'Note',
    occurredAt: now,
    recordedAt: now,
    ...overrides,
  } satisfies typeof timelineEvents.$inferInsert;
  db.insert(timelineEvents).values(row).run();
  return row;
}
