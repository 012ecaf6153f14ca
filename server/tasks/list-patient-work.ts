import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { discharges, referrals, services, tasks } from '../../db/schema';
import { selectTasks } from './task-columns';
import { UNFINISHED } from './task-fields';

/** What is being done for one person: their unfinished tasks, their discharges and referrals, newest first. */
export async function listPatientWork(db: Db, patientId: string) {
  const openTasks = await selectTasks(db)
    .where(and(eq(tasks.patientId, patientId), inArray(tasks.status, UNFINISHED)))
    .orderBy(asc(sql`coalesce(${tasks.dueAt}, 9007199254740991)`), asc(tasks.id))
    .all();
  const personDischarges = await db
    .select({
      id: discharges.id,
      hospital: discharges.hospital,
      expectedDate: discharges.expectedDate,
      status: discharges.status,
      riskLevel: discharges.riskLevel,
    })
    .from(discharges)
    .where(eq(discharges.patientId, patientId))
    .orderBy(desc(discharges.expectedDate))
    .all();
  const personReferrals = await db
    .select({
      id: referrals.id,
      serviceName: services.name,
      status: referrals.status,
      outcome: referrals.outcome,
      sentAt: referrals.sentAt,
    })
    .from(referrals)
    .innerJoin(services, eq(referrals.serviceId, services.id))
    .where(eq(referrals.patientId, patientId))
    .orderBy(desc(referrals.sentAt))
    .all();
  return { openTasks, discharges: personDischarges, referrals: personReferrals };
}
