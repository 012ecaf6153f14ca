import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { callCase } from '../../test/call-case';
import { testDb } from '../../test/db';
import { makeWorld } from '../../test/world';
import { resolveSession, startSession } from '../auth/sessions';

describe('an administrator ends all of a user’s sessions', () => {
  it('for staff of their own organisation: every session stops at once, the user stays active, audited with the user', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const a = await startSession(db, w.navigator.row.id);
    const b = await startSession(db, w.navigator.row.id);
    const other = await startSession(db, w.navigator2.row.id);
    expect(await callCase(db, w.admin.actor, 'admin.endAllSessions', { userId: w.navigator.row.id })).toEqual({ ended: 2 });
    expect(await resolveSession(db, a)).toBeNull();
    expect(await resolveSession(db, b)).toBeNull();
    expect(await resolveSession(db, other)).not.toBeNull();
    // Signing in again works: ending sessions is not deactivating.
    expect(await resolveSession(db, await startSession(db, w.navigator.row.id))).not.toBeNull();
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'admin.endAllSessions')).all()).toEqual([
      expect.objectContaining({ outcome: 'granted', rule: 'admin.manage', reason: `user=${w.navigator.row.id} sessionsEnded=2` }),
    ]);
  });

  it('not for anyone outside their organisation, nor carers: not found, audited, sessions untouched', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const gpSession = await startSession(db, w.gp.row.id);
    const carerSession = await startSession(db, w.carer.row.id);
    await expect(callCase(db, w.admin.actor, 'admin.endAllSessions', { userId: w.gp.row.id })).rejects.toThrow(/does not exist/);
    await expect(callCase(db, w.admin.actor, 'admin.endAllSessions', { userId: w.carer.row.id })).rejects.toThrow(/does not exist/);
    expect(await resolveSession(db, gpSession)).not.toBeNull();
    expect(await resolveSession(db, carerSession)).not.toBeNull();
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'admin.endAllSessions')).all()).toEqual([
      expect.objectContaining({ outcome: 'denied', rule: 'not_found', reason: `user=${w.gp.row.id}` }),
      expect.objectContaining({ outcome: 'denied', rule: 'not_found', reason: `user=${w.carer.row.id}` }),
    ]);
  });
});
