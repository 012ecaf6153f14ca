import { z } from 'zod';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { nameHasWordsStartingWith } from '../../db/engine-sql';
import type { Db } from '../../db/client';
import { organisations, patients, type PATIENT_STATUSES, type RiskLevel } from '../../db/schema';
import type { Actor } from '../access/actor';
import { markAccessible } from '../access/filter-accessible';
import { searchModeFor } from '../access/permissions';
import { decideForPatient } from '../access/decide-for-patient';
import { auditFailedIdentityLookUp } from './identity-look-up';
import { Forbidden, Invalid } from '../errors';
import { isoDate } from '../validation';
import { normaliseNhsNumber, isValidNhsNumber } from './nhs-number';

export const SearchPatientsSchema = z.object({
  query: z.string({ error: 'Search must be text' }).trim().max(100, 'Search must be 100 characters or fewer').default(''),
  dateOfBirth: z.union([z.literal(''), isoDate('Date of birth')]).default(''),
});
export type SearchPatientsInput = z.infer<typeof SearchPatientsSchema>;

const MAX_RESULTS = 50;

/** What an identity check (hospital staff) shows of the person it matched: what confirms the match. */
export type IdentityMatch = { nhsNumber: string; dateOfBirth: string; givenName: string; familyName: string; practiceName: string };
/** A search result: an identity match, plus (for those who search among their own people) how to open it. */
export type SearchResult = IdentityMatch &
  Partial<{ id: string; canOpen: boolean; status: (typeof PATIENT_STATUSES)[number]; postcode: string; riskLevel: RiskLevel }>;

/**
 * The words of a name search: every word typed must begin a word of the person's name, so
 * "mar smi" finds Margaret Smith. Only letters and digits are kept, lower case and without accents
 * (quotes, wildcards and search operators typed by the user are never interpreted). Null when fewer
 * than 2 letters remain.
 */
export function namePrefixWords(query: string): string[] | null {
  const words =
    query
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.join('').length < 2) return null;
  return words;
}
// Candidates are narrowed by the access policy afterwards, so fetch more than we show; the policy's
// facts are loaded for each, so this bounds the cost of a search (a 2-letter prefix can match
// thousands of people in a whole ICS). More matches than this: the searcher is asked to narrow it.
const CANDIDATES = 100;

/**
 * Finds people by NHS number, by name prefix (given or family name) and/or by date of birth.
 * Each result passes through the one access policy: a list shows only people the actor may open,
 * except for hospital staff, who may confirm anyone's identity by exact NHS number and date of birth.
 */
export async function searchPatients(
  db: Db,
  actor: Actor,
  input: SearchPatientsInput,
): Promise<{ results: SearchResult[]; truncated: boolean }> {
  const mode = searchModeFor(actor.role);
  if (!mode) throw new Forbidden('Your role cannot search for people.');
  const digits = normaliseNhsNumber(input.query);
  const isNhsNumber = /^\d{10}$/.test(digits);
  if (mode === 'exact_identity') {
    if (!isNhsNumber) throw new Invalid('query', 'Enter the person’s 10-digit NHS number');
    if (!input.dateOfBirth) throw new Invalid('dateOfBirth', 'Enter the person’s date of birth');
  }
  if (!input.query && !input.dateOfBirth) throw new Invalid('query', 'Enter a name, NHS number or date of birth to search for');
  const conditions: SQL[] = [];
  if (isNhsNumber) {
    if (!isValidNhsNumber(digits)) throw new Invalid('query', 'NHS number is not valid: check the digits');
    conditions.push(eq(patients.nhsNumber, digits));
  } else if (input.query) {
    const words = namePrefixWords(input.query);
    if (!words) throw new Invalid('query', 'Enter at least 2 letters of a name');
    // By name alone, the first candidates by name are chosen inside the search index where it keeps
    // each person's sort key (SQLite); with a date of birth too, every name match is checked against it.
    conditions.push(nameHasWordsStartingWith(words, input.dateOfBirth ? undefined : CANDIDATES));
  }
  if (input.dateOfBirth) conditions.push(eq(patients.dateOfBirth, input.dateOfBirth));
  const candidates = await db
    .select({
      id: patients.id,
      nhsNumber: patients.nhsNumber,
      givenName: patients.givenName,
      familyName: patients.familyName,
      dateOfBirth: patients.dateOfBirth,
      postcode: patients.postcode,
      status: patients.status,
      riskLevel: patients.riskLevel,
      practiceName: organisations.name,
    })
    .from(patients)
    .innerJoin(organisations, eq(patients.registeredPracticeId, organisations.id))
    .where(and(...conditions))
    .orderBy(asc(patients.familyName), asc(patients.givenName))
    .limit(CANDIDATES)
    .all();
  const withAccess = await markAccessible(db, actor, candidates, 'patient.read');
  const visible = mode === 'exact_identity' ? withAccess : withAccess.filter((c) => c.canOpen);
  if (isNhsNumber) await auditFailedNhsNumberLookUp(db, actor, digits, input.dateOfBirth, visible.length > 0);
  const results = visible.slice(0, MAX_RESULTS);
  actor.access?.audit?.people(results.map((r) => r.id));
  const truncated = visible.length > MAX_RESULTS || candidates.length === CANDIDATES;
  if (mode === 'exact_identity') {
    // An identity check only confirms the match (what was typed, the name, the GP practice the ward
    // checks with the person): never the record's id, postcode, risk or status.
    return {
      results: results.map(({ nhsNumber, dateOfBirth, givenName, familyName, practiceName }) => ({
        nhsNumber,
        dateOfBirth,
        givenName,
        familyName,
        practiceName,
      })),
      truncated,
    };
  }
  return { results, truncated };
}

/**
 * A search by NHS number is an identity look-up: when it finds nobody, yet the NHS number is
 * someone's, the attempt is audited against that person as denied (a wrong date of birth, or a
 * person the searcher may not open), so their record shows who went looking.
 */
async function auditFailedNhsNumberLookUp(db: Db, actor: Actor, nhsNumber: string, dateOfBirth: string, found: boolean): Promise<void> {
  if (found) return;
  const person = await db
    .select({ id: patients.id, dateOfBirth: patients.dateOfBirth })
    .from(patients)
    .where(eq(patients.nhsNumber, nhsNumber))
    .get();
  if (!person) return;
  if (dateOfBirth && person.dateOfBirth !== dateOfBirth) {
    auditFailedIdentityLookUp(actor, person.id);
    return;
  }
  const decision = await decideForPatient(db, actor, person.id, 'patient.read');
  actor.access?.audit?.refused(person.id, decision?.rule ?? 'not_found');
}
