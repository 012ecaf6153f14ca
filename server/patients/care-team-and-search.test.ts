import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { insertPatient, testNhsNumber } from '../../db/factories';
import { todayInEngland } from '../calendar/england-time';
import { testDb } from '../../test/db';
import { failure, makeWorld, rowCounts } from '../../test/world';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { SEARCHES_PER_MINUTE } from '../rate-limit/search-limit';
import { namePrefixWords } from './search-patients';

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
});

describe('care team', () => {
  it('adding a colleague gives them a care-team relationship; removing them ends it', async () => {
    const otherGpCanSee = () => w.otherGp.caller.patients.get({ patientId: w.patient.id });
    expect((await failure(otherGpCanSee())).code).toBe('FORBIDDEN');
    const { id } = await w.navigator.caller.patients.addCareTeamMember({
      patientId: w.patient.id,
      type: 'user',
      userId: w.otherGp.row.id,
      role: 'Second opinion',
    });
    await expect(otherGpCanSee()).resolves.toMatchObject({ access: { rule: 'care_team' } });
    await w.navigator.caller.patients.removeCareTeamMember({ patientId: w.patient.id, memberId: id });
    expect((await failure(otherGpCanSee())).code).toBe('FORBIDDEN');
    const { items } = await w.navigator.caller.timeline.list({ patientId: w.patient.id });
    expect(items.map((e) => e.summary)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Dr B .* joined the care team/), expect.stringMatching(/Dr B .* left the care team/)]),
    );
  });

  it('adds an external contact, and refuses blanks naming each field', async () => {
    await w.navigator.caller.patients.addCareTeamMember({
      patientId: w.patient.id,
      type: 'external',
      name: 'Jo Pharmacist',
      role: 'Pharmacist',
      organisationName: 'High St Pharmacy',
      phone: '0113 496 0000',
    });
    const summary = await w.navigator.caller.patients.get({ patientId: w.patient.id });
    expect(summary.careTeam.map((m) => m.name)).toContain('Jo Pharmacist');
    const before = await rowCounts(db);
    const error = await failure(
      w.navigator.caller.patients.addCareTeamMember({
        patientId: w.patient.id,
        type: 'external',
        name: '',
        role: '',
        organisationName: '',
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/name: Enter name/);
    expect(error.message).toMatch(/organisationName: Enter organisation/);
    expect(await rowCounts(db)).toEqual(before);
  });

  it('refuses adding the same colleague twice, or an admin', async () => {
    const dup = await failure(
      w.navigator.caller.patients.addCareTeamMember({ patientId: w.patient.id, type: 'user', userId: w.socialWorker.row.id, role: '' }),
    );
    expect(dup.message).toMatch(/already on the care team/);
    const admin = await failure(
      w.navigator.caller.patients.addCareTeamMember({ patientId: w.patient.id, type: 'user', userId: w.admin.row.id, role: '' }),
    );
    expect(admin.message).toMatch(/^userId: Colleague: choose an active member of staff/);
  });

  it('a housing worker cannot change the care team', async () => {
    const error = await failure(
      w.housingWorker.caller.patients.addCareTeamMember({
        patientId: w.patient.id,
        type: 'external',
        name: 'X',
        role: 'Y',
        organisationName: 'Z',
      }),
    );
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe('consent', () => {
  it('keeps history and puts the latest decision per purpose in force', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await w.navigator.caller.consent.record({
      patientId: w.patient.id,
      purpose: 'voluntary_services',
      decision: 'granted',
      method: 'written',
      decidedOn: '2026-01-10',
    });
    await w.navigator.caller.consent.record({
      patientId: w.patient.id,
      purpose: 'voluntary_services',
      decision: 'withdrawn',
      method: 'verbal',
      decidedOn: today,
    });
    const { history, inForce } = await w.navigator.caller.consent.list({ patientId: w.patient.id });
    expect(history.filter((h) => h.purpose === 'voluntary_services')).toHaveLength(2);
    expect(inForce.voluntary_services).toMatchObject({ decision: 'withdrawn', recordedByName: 'Nadia Navigator' });
    expect(inForce.housing).toMatchObject({ decision: 'granted' });
    expect(inForce.named_carer).toBeNull();
  });

  it('needs the carer’s name for a named carer, allows attorney only for carers, and no future dates', async () => {
    const before = await rowCounts(db);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const error = await failure(
      w.navigator.caller.consent.record({
        patientId: w.patient.id,
        purpose: 'named_carer',
        decision: 'granted',
        method: 'verbal',
        decidedOn: tomorrow,
      }),
    );
    expect(error.message).toMatch(/carerName: Enter the carer’s name/);
    expect(error.message).toMatch(/decidedOn: Date of the decision cannot be in the future/);
    // Nor before the person was born: 1900 is a slip of the keyboard, not a decision (#17 item 13).
    const slip = await failure(
      w.navigator.caller.consent.record({
        patientId: w.patient.id,
        purpose: 'housing',
        decision: 'granted',
        method: 'verbal',
        decidedOn: '1900-01-01',
      }),
    );
    expect(slip.code).toBe('BAD_REQUEST');
    expect(slip.message).toMatch(/decidedOn: Date of the decision cannot be before the person was born/);
    const lpa = await failure(
      w.navigator.caller.consent.record({
        patientId: w.patient.id,
        purpose: 'housing',
        decision: 'granted',
        method: 'lasting_power_of_attorney',
        decidedOn: '2026-01-01',
      }),
    );
    expect(lpa.message).toMatch(/method: Lasting power of attorney applies only to sharing with a named carer/);
    expect(await rowCounts(db)).toEqual(before);
  });
});

describe('search', () => {
  beforeEach(async () => {
    await insertPatient(db, {
      givenName: 'Margery',
      familyName: 'Hillside',
      registeredPracticeId: w.orgs.otherPractice.id,
      caseloadOrganisationId: w.orgs.navTeam.id,
    });
  });

  it('is limited per user (bulk look-up protection): the refusal says how long to wait and is audited', async () => {
    for (let i = 0; i < SEARCHES_PER_MINUTE; i++) await w.navigator.caller.patients.search({ query: 'marg' });
    const refused = await failure(w.navigator.caller.patients.search({ query: 'marg' }));
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.message).toMatch(/To protect people’s records from bulk look-ups, wait \d+ seconds? and try again/);
    const denied = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, w.navigator.row.id), eq(auditLog.rule, 'rate_limited')))
      .all();
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ action: 'patients.search', outcome: 'denied' });
    // Another user is counted on their own.
    expect((await w.navigator2.caller.patients.search({ query: 'marg' })).results.length).toBeGreaterThan(0);
  });

  it('the look-up limit counts every identity look-up: search, create and flag share one count per user', async () => {
    for (let i = 0; i < SEARCHES_PER_MINUTE - 2; i++) await w.gp.caller.patients.search({ query: 'marg' });
    const create = {
      nhsNumber: '943 476 5919',
      givenName: 'Arthur',
      familyName: 'Hughes',
      dateOfBirth: '1941-06-02',
      registeredPracticeId: w.orgs.practice.id,
    };
    await w.gp.caller.patients.create(create);
    const flag = {
      nhsNumber: w.patient.nhsNumber,
      dateOfBirth: w.patient.dateOfBirth,
      flaggerContact: 'Surgery, ext 1',
      hospital: 'Riverside General',
      expectedDate: todayInEngland(),
      pathway: 0,
      riskLevel: 'high',
      concern: 'Lives alone',
      ask: 'Call after discharge',
      carerConsulted: 'no',
    } as never;
    await w.gp.caller.discharges.flag(flag);
    const before = await rowCounts(db);
    for (const refused of [
      await failure(w.gp.caller.discharges.flag(flag)),
      await failure(w.gp.caller.patients.create({ ...create, nhsNumber: testNhsNumber(888001) })),
      await failure(w.gp.caller.patients.search({ query: 'marg' })),
    ]) {
      expect(refused.code).toBe('TOO_MANY_REQUESTS');
      expect(refused.message).toMatch(/wait \d+ seconds? and try again/);
    }
    expect(await rowCounts(db)).toEqual(before);
    const limited = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, w.gp.row.id), eq(auditLog.rule, 'rate_limited')))
      .all();
    expect(limited.map((a) => a.action).sort()).toEqual(['discharges.flag', 'patients.create', 'patients.search']);
  });

  it('audits a failed identity look-up against the person as denied: a real NHS number with the wrong date of birth', async () => {
    const wrongDob = await w.hospitalStaff.caller.patients.search({ query: w.patient.nhsNumber, dateOfBirth: '1950-01-01' });
    expect(wrongDob.results).toHaveLength(0);
    const denied = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, w.hospitalStaff.row.id), eq(auditLog.outcome, 'denied')))
      .all();
    expect(denied).toEqual([expect.objectContaining({ action: 'patients.search', patientId: w.patient.id, rule: 'identity_not_matched' })]);
  });

  it('finds by name prefix only people the searcher may open', async () => {
    const gp = await w.gp.caller.patients.search({ query: 'marg' });
    expect(gp.results.map((r) => r.familyName)).toEqual(['Thompson']);
    const nav = await w.navigator.caller.patients.search({ query: 'marg' });
    expect(nav.results.map((r) => r.familyName).sort()).toEqual(['Hillside', 'Thompson']);
    const byFamily = await w.navigator.caller.patients.search({ query: 'thom' });
    expect(byFamily.results).toHaveLength(1);
    // Every word typed begins a word of the name, in any order, whatever the case and accents.
    for (const query of ['marg thom', 'THOM marg', 'Märg Thóm']) {
      expect((await w.navigator.caller.patients.search({ query })).results.map((r) => r.familyName)).toEqual(['Thompson']);
    }
    expect((await w.navigator.caller.patients.search({ query: 'marg smith' })).results).toEqual([]);
  });

  it('with many matches shows the first by name and says there may be more; a date of birth finds any of them', async () => {
    for (let i = 0; i < 150; i++) {
      await insertPatient(db, {
        givenName: `G${String(i).padStart(3, '0')}`,
        familyName: 'Bulkname',
        dateOfBirth: i === 140 ? '1931-02-03' : '1940-01-01',
        registeredPracticeId: w.orgs.practice.id,
        caseloadOrganisationId: w.orgs.navTeam.id,
      });
    }
    const many = await w.navigator.caller.patients.search({ query: 'bulkn' });
    expect(many.results).toHaveLength(50);
    expect(many.results[0]!.givenName).toBe('G000');
    expect(many.truncated).toBe(true);
    const one = await w.navigator.caller.patients.search({ query: 'bulkn', dateOfBirth: '1931-02-03' });
    expect(one.results.map((r) => r.givenName)).toEqual(['G140']);
    expect(one.truncated).toBe(false);
  });

  it('treats search operators and wildcards as text, never as query syntax', async () => {
    expect(namePrefixWords('mar "smi" OR * NEAR(x')).toEqual(['mar', 'smi', 'or', 'near', 'x']);
    for (const query of ['marg OR zz', '"marg"', 'marg*', 'marg%', 'NEAR(marg thom)', 'marg AND NOT thom', "o'br"]) {
      const result = await w.navigator.caller.patients.search({ query });
      expect(Array.isArray(result.results)).toBe(true);
    }
    expect((await w.navigator.caller.patients.search({ query: 'marg OR zz' })).results).toEqual([]);
    const tooShort = await failure(w.navigator.caller.patients.search({ query: '%*' }));
    expect(tooShort.message).toBe('query: Enter at least 2 letters of a name');
  });

  it('finds by NHS number with or without spaces, and refuses an invalid one', async () => {
    const spaced = `${w.patient.nhsNumber.slice(0, 3)} ${w.patient.nhsNumber.slice(3, 6)} ${w.patient.nhsNumber.slice(6)}`;
    expect((await w.navigator.caller.patients.search({ query: spaced })).results).toHaveLength(1);
    const error = await failure(w.navigator.caller.patients.search({ query: '9434765918' }));
    expect(error.message).toMatch(/^query: NHS number is not valid/);
  });

  it('lets hospital staff confirm anyone by exact NHS number and date of birth only, learning only what confirms the match', async () => {
    const error = await failure(w.hospitalStaff.caller.patients.search({ query: 'Margaret' }));
    expect(error.message).toMatch(/^query: Enter the person’s 10-digit NHS number/);
    const noDob = await failure(w.hospitalStaff.caller.patients.search({ query: w.patient.nhsNumber }));
    expect(noDob.message).toMatch(/^dateOfBirth:/);
    const wrongDob = await w.hospitalStaff.caller.patients.search({ query: w.patient.nhsNumber, dateOfBirth: '1950-01-01' });
    expect(wrongDob.results).toHaveLength(0);
    const found = await w.hospitalStaff.caller.patients.search({ query: w.patient.nhsNumber, dateOfBirth: w.patient.dateOfBirth });
    // Only what confirms the match: no record id, postcode, risk level or status.
    expect(found.results).toEqual([
      {
        nhsNumber: w.patient.nhsNumber,
        dateOfBirth: w.patient.dateOfBirth,
        givenName: 'Margaret',
        familyName: 'Thompson',
        practiceName: 'Practice A',
      },
    ]);
    expect(JSON.stringify(found)).not.toContain(w.patient.id);
  });

  it('is refused to admin and carers', async () => {
    for (const who of [w.admin, w.carer]) expect((await failure(who.caller.patients.search({ query: 'marg' }))).code).toBe('FORBIDDEN');
  });
});

describe('caseload', () => {
  it('lists mine by named contact and my team’s by caseload, highest risk first', async () => {
    await insertPatient(db, {
      givenName: 'High',
      familyName: 'Risk',
      riskLevel: 'high',
      registeredPracticeId: w.orgs.practice.id,
      caseloadOrganisationId: w.orgs.navTeam.id,
      namedContactUserId: w.navigator2.row.id,
    });
    const mine = await w.navigator.caller.patients.caseload({ scope: 'mine', sort: 'risk' });
    expect(mine.rows.map((r) => r.familyName)).toEqual(['Thompson']);
    const team = await w.navigator.caller.patients.caseload({ scope: 'team', sort: 'risk' });
    expect(team.rows.map((r) => r.familyName)).toEqual(['Risk', 'Thompson']);
    expect((await failure(w.gp.caller.patients.caseload({ scope: 'mine', sort: 'risk' }))).code).toBe('FORBIDDEN');
  });

  it('pages 25 at a time in either order, every person once, by keyset', async () => {
    const DAY = 86_400_000;
    const risks = ['high', 'medium', 'low'] as const;
    for (let i = 0; i < 120; i++) {
      await insertPatient(db, {
        givenName: `P${i}`,
        familyName: 'Paged',
        riskLevel: risks[i % 3],
        // Some never contacted, and ties on last contact, so the id breaks them.
        lastContactAt: i % 7 === 0 ? null : Date.now() - (i % 11) * DAY,
        registeredPracticeId: w.orgs.practice.id,
        caseloadOrganisationId: w.orgs.navTeam.id,
        namedContactUserId: w.navigator.row.id,
      });
    }
    const rank = { high: 0, medium: 1, low: 2 };
    for (const sort of ['risk', 'lastContact'] as const) {
      const seen: { id: string; riskLevel: keyof typeof rank; lastContactAt: number | null }[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await w.navigator.caller.patients.caseload({ scope: 'mine', sort, cursor } as never);
        expect(page.rows.length).toBeLessThanOrEqual(25);
        seen.push(...page.rows);
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      expect(pages).toBe(5);
      expect(seen).toHaveLength(121);
      expect(new Set(seen.map((r) => r.id)).size).toBe(121);
      const key = (r: (typeof seen)[number]) =>
        sort === 'risk' ? [rank[r.riskLevel], r.lastContactAt ?? 0] : [r.lastContactAt ?? 0, rank[r.riskLevel]];
      for (let i = 1; i < seen.length; i++) {
        const [a1, a2] = key(seen[i - 1]!);
        const [b1, b2] = key(seen[i]!);
        expect(a1! < b1! || (a1 === b1 && a2! <= b2!)).toBe(true);
      }
    }
    const bad = await failure(w.navigator.caller.patients.caseload({ scope: 'mine', sort: 'risk', cursor: 'nonsense' } as never));
    expect(bad.code).toBe('BAD_REQUEST');
  });
});
