import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, breakGlassGrants, emailOutbox, notifications } from '../../db/schema';
import { insertPatient } from '../../db/factories';
import { testDb } from '../../test/db';
import { failure, makeWorld } from '../../test/world';

const REASON = 'Called by ambulance crew: collapsed at home, need medication list';
const KEYS = ['CARENAV_BREAK_GLASS_ALERT_AFTER', 'CARENAV_BREAK_GLASS_MAX', 'CARENAV_BREAK_GLASS_WINDOW_MINUTES'] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

beforeEach(() => {
  for (const k of KEYS) delete process.env[k];
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** Dr B (no relationship to anyone here) and `n` people in Practice A's list. */
async function world(n: number) {
  const db = testDb();
  const w = await makeWorld(db);
  const people = [];
  for (let i = 0; i < n; i++) {
    people.push(
      await insertPatient(db, {
        givenName: `Person${i}`,
        familyName: 'Testcase',
        registeredPracticeId: w.orgs.practice.id,
        caseloadOrganisationId: w.orgs.navTeam.id,
      }),
    );
  }
  const breakGlass = (patientId: string) => w.otherGp.caller.access.breakGlass({ patientId, reason: REASON });
  const alerts = async () => await db.select().from(notifications).where(eq(notifications.kind, 'break_glass_alert')).all();
  return { db, w, people, breakGlass, alerts };
}

describe('emergency access on several records (#16 finding 20)', () => {
  it('alerts the reviewers once per window when one person breaks glass on 3 records in an hour, naming no person', async () => {
    const { db, w, people, breakGlass, alerts } = await world(4);
    await breakGlass(people[0]!.id);
    vi.advanceTimersByTime(10 * 60_000);
    await breakGlass(people[1]!.id);
    expect(await alerts()).toEqual([]);
    vi.advanceTimersByTime(10 * 60_000);
    await breakGlass(people[2]!.id);
    expect(await alerts()).toEqual([
      expect.objectContaining({
        userId: w.admin.row.id,
        title: 'Dr B has used emergency access on 3 records in the last hour: review their access',
        link: '/admin/access-reviews',
      }),
    ]);
    // Nothing about the people whose records were opened, in the inbox or the email.
    const outbox = JSON.stringify(await db.select().from(emailOutbox).all());
    for (const text of [JSON.stringify(await alerts()), outbox]) {
      expect(text).not.toMatch(/Person\d|Testcase|Margaret/);
      for (const p of people) expect(text).not.toContain(p.nhsNumber);
    }
    // The fourth in the same hour does not alert again.
    vi.advanceTimersByTime(10 * 60_000);
    await breakGlass(people[3]!.id);
    expect(await alerts()).toHaveLength(1);
  });

  it('alerts the reviewers of the person’s own organisation when it has any', async () => {
    const { w, people, breakGlass, alerts } = await world(3);
    const ownAdmin = await w.addUser('admin', w.orgs.otherPractice.id, 'primary', 'Admin B');
    for (const p of people) await breakGlass(p.id);
    expect((await alerts()).map((a) => a.userId)).toEqual([ownAdmin.row.id]);
  });

  it('three records spread over more than the window do not alert', async () => {
    const { people, breakGlass, alerts } = await world(3);
    for (const p of people) {
      await breakGlass(p.id);
      vi.advanceTimersByTime(31 * 60_000);
    }
    expect(await alerts()).toEqual([]);
  });

  it('refuses emergency access beyond 5 records in an hour or 5 open at once, audited as denied with the person, and allows it again later', async () => {
    const { db, w, people, breakGlass } = await world(7);
    for (const p of people.slice(0, 5)) await breakGlass(p.id);
    const refused = await failure(breakGlass(people[5]!.id));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toBe(
      'You have used emergency access on 5 records in the last hour, the most allowed. Contact your Caldicott guardian or administrator if you need to see this record.',
    );
    expect(await db.select().from(breakGlassGrants).where(eq(breakGlassGrants.patientId, people[5]!.id)).all()).toEqual([]);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.userId, w.otherGp.row.id), eq(auditLog.outcome, 'denied')))
        .all(),
    ).toEqual([expect.objectContaining({ patientId: people[5]!.id, rule: 'break_glass_limit', reason: REASON })]);
    // An hour later the pace is allowed again, but five grants (4 hours each) are still open: the
    // ceiling holds for those at once too, or a steady pace would add up to many records.
    vi.advanceTimersByTime(61 * 60_000);
    const atOnce = await failure(breakGlass(people[6]!.id));
    expect(atOnce.message).toMatch(/emergency access to 5 records at the moment, the most allowed at once/);
    vi.advanceTimersByTime(3 * 60 * 60_000);
    expect((await breakGlass(people[6]!.id)).until).toBeGreaterThan(Date.now());
  });

  it('takes its numbers from the environment', async () => {
    process.env.CARENAV_BREAK_GLASS_ALERT_AFTER = '2';
    process.env.CARENAV_BREAK_GLASS_MAX = '2';
    process.env.CARENAV_BREAK_GLASS_WINDOW_MINUTES = '120';
    const { people, breakGlass, alerts } = await world(3);
    await breakGlass(people[0]!.id);
    await breakGlass(people[1]!.id);
    expect((await alerts())[0]?.title).toBe('Dr B has used emergency access on 2 records in the last 2 hours: review their access');
    expect((await failure(breakGlass(people[2]!.id))).code).toBe('FORBIDDEN');
  });
});
