import { z } from 'zod';
import { and, asc, eq, like, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, patients } from '../../db/schema';
import type { Actor } from '../access/actor';
import { filterAccessible } from '../access/filter-accessible';
import { auditListRead } from '../audit/write-audit';
import { Invalid } from '../errors';
import { isoDate } from '../validation';
import { normaliseNhsNumber, isValidNhsNumber } from './nhs-number';

export const SearchPatientsSchema = z.object({
  query: z.string().trim().max(100, 'Search must be 100 characters or fewer').default(''),
  dateOfBirth: z.union([z.literal(''), isoDate('Date of birth')]).default(''),
});
export type SearchPatientsInput = z.infer<typeof SearchPatientsSchema>;

const MAX_RESULTS = 50;
// Candidates are narrowed by the access policy afterwards, so fetch more than we show.
const CANDIDATES = 500;

/**
 * Finds people the actor may see, by NHS number, by name prefix (given or family name) and/or
 * by date of birth. Results pass through the one access policy, row by row.
 */
export function searchPatients(db: Db, actor: Actor, input: SearchPatientsInput) {
  if (!input.query && !input.dateOfBirth) throw new Invalid('query', 'Enter a name, NHS number or date of birth to search for');
  const conditions: SQL[] = [];
  const digits = normaliseNhsNumber(input.query);
  if (/^\d{10}$/.test(digits)) {
    if (!isValidNhsNumber(digits)) throw new Invalid('query', 'NHS number is not valid: check the digits');
    conditions.push(eq(patients.nhsNumber, digits));
  } else if (input.query) {
    if (input.query.length < 2) throw new Invalid('query', 'Enter at least 2 letters of a name');
    // LIKE wildcards typed by the user are dropped rather than matched.
    const prefix = input.query.toLowerCase().replace(/[%_]/g, '').replace(/\s+/g, ' ');
    conditions.push(
      or(
        like(patients.searchName, `${prefix}%`),
        like(patients.familyName, `${prefix}%`),
      ) as SQL,
    );
  }
  if (input.dateOfBirth) conditions.push(eq(patients.dateOfBirth, input.dateOfBirth));
  const candidates = db
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
  const visible = filterAccessible(db, actor, candidates, 'patient.read');
  const results = visible.slice(0, MAX_RESULTS);
  auditListRead(db, actor, 'patients.search', results.map((r) => r.id), 'search');
  return { results, truncated: visible.length > MAX_RESULTS };
}
