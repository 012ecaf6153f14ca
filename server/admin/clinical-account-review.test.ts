import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { Db } from '../../db/client';
import { testDb } from '../../test/db';
import { failure, makeWorld } from '../../test/world';
import { listClinicalAccountChanges, ListClinicalAccountChangesSchema, parseAccountChange } from './list-clinical-account-changes';
import { ReviewClinicalAccountSchema } from './review-clinical-account';

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
let other: Awaited<ReturnType<Awaited<ReturnType<typeof makeWorld>>['addUser']>>;
beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
  other = await w.addUser('admin', w.orgs.navTeam.id, 'primary', 'Admin B');
});

const newAccount = (role: 'gp_staff' | 'admin', email: string) =>
  w.admin.caller.admin.createUser({
    name: 'Dr New',
    email,
    role,
    organisationId: role === 'admin' ? w.orgs.navTeam.id : w.orgs.practice.id,
    password: 'a long enough password',
  });
const reviews = async () => await db.select().from(auditLog).where(eq(auditLog.action, 'admin.reviewClinicalAccount')).all();

describe('clinical accounts listed for another administrator’s review (#16 finding 5)', () => {
  it('lists accounts created with or raised to a clinical or administrator role: who, role, by whom, when', async () => {
    const { id } = await newAccount('gp_staff', 'new@example.nhs.uk');
    const { id: adminId } = await newAccount('admin', 'admin2@example.nhs.uk');
    await other.caller.admin.updateUser({ userId: adminId, change: 'role', role: 'navigator' });
    const list = await listClinicalAccountChanges(db, other.actor, ListClinicalAccountChangesSchema.parse(undefined));
    expect(list).toEqual([
      expect.objectContaining({
        kind: 'raised',
        accountId: adminId,
        role: 'navigator',
        previousRole: 'admin',
        byName: 'Admin B',
        mayReview: false,
      }),
      // A new administrator is listed too: otherwise one administrator could mint a second to approve their own changes.
      expect.objectContaining({ kind: 'created', accountId: adminId, role: 'admin', byName: 'Admin A', mayReview: true }),
      expect.objectContaining({
        kind: 'created',
        accountId: id,
        accountName: 'Dr New',
        role: 'gp_staff',
        organisationName: 'Practice A',
        byName: 'Admin A',
        reviewedAt: null,
        mayReview: true,
      }),
    ]);
  });

  it('leaves out changes older than 30 days and those of unrelated organisations', async () => {
    await newAccount('gp_staff', 'new@example.nhs.uk');
    const elsewhere = await w.addUser('admin', w.orgs.housing.id, 'housing', 'Admin H');
    expect(await listClinicalAccountChanges(db, elsewhere.actor, {})).toEqual([]);
    expect(await listClinicalAccountChanges(db, other.actor, {}, Date.now() + 31 * 86_400_000)).toEqual([]);
  });

  it('another administrator marks it reviewed, audited; the administrator who made it cannot; only once', async () => {
    const { id } = await newAccount('gp_staff', 'new@example.nhs.uk');
    const [change] = await listClinicalAccountChanges(db, other.actor, {});
    const input = ReviewClinicalAccountSchema.parse({ changeId: change!.id });

    expect((await failure(w.admin.caller.admin.reviewClinicalAccount(input))).code).toBe('FORBIDDEN');
    expect(await reviews()).toEqual([
      expect.objectContaining({ userId: w.admin.row.id, outcome: 'denied', rule: 'second_admin_required' }),
    ]);
    expect((await listClinicalAccountChanges(db, w.admin.actor, {}))[0]).toMatchObject({ reviewedAt: null, mayReview: false });

    const { reviewedAt } = await other.caller.admin.reviewClinicalAccount(input);
    expect((await reviews()).filter((r) => r.outcome === 'granted')).toEqual([
      expect.objectContaining({
        userId: other.row.id,
        rule: 'admin.manage',
        patientId: null,
        reason: `change=${change!.id} user=${id} role=gp_staff`,
      }),
    ]);
    // Recorded as the review's audit row, written as the call commits (at or just after the answer's time).
    const listed = (await listClinicalAccountChanges(db, w.admin.actor, {}))[0];
    expect(listed).toMatchObject({ reviewedByName: 'Admin B', mayReview: false });
    expect(listed!.reviewedAt).toBeGreaterThanOrEqual(reviewedAt);

    const third = await w.addUser('admin', w.orgs.navTeam.id, 'primary', 'Admin C');
    expect((await failure(third.caller.admin.reviewClinicalAccount(input))).code).toBe('CONFLICT');
    expect((await reviews()).filter((r) => r.outcome === 'granted')).toHaveLength(1);
  });

  it('refuses a change that is not a clinical or administrator account to review', async () => {
    // A deactivation is an account change, but not one that opens records or makes an administrator.
    await w.admin.caller.admin.updateUser({ userId: w.gp.row.id, change: 'deactivate' });
    const [row] = await db.select().from(auditLog).where(eq(auditLog.action, 'admin.updateUser')).all();
    expect((await failure(other.caller.admin.reviewClinicalAccount({ changeId: row!.id }))).code).toBe('NOT_FOUND');
    expect(await reviews()).toEqual([expect.objectContaining({ outcome: 'denied', rule: 'not_found' })]);
  });

  it('reads the audit line of a change', () => {
    expect(parseAccountChange('user=u1 role=admin→gp_staff organisation=o1 active=true')).toEqual({
      accountId: 'u1',
      role: 'gp_staff',
      previousRole: 'admin',
      organisationId: 'o1',
    });
    expect(parseAccountChange('user=u2 role=navigator organisation=o2 active=true')).toMatchObject({
      role: 'navigator',
      previousRole: null,
    });
  });
});
