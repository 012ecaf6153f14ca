// The MDT worklist's signals on each person (patients.mdt_*), worked out afresh from the tasks,
// referrals and discharges. The triggers of drizzle/0020_mdt_signals.sql keep them as rows change;
// this is for a database filled with those triggers off (db:synth), and for the test that holds the
// triggers to it.
import type { SqliteDatabase } from './sqlite';

export const RECOMPUTE_MDT_SIGNALS = `UPDATE patients SET
  mdt_task_due_at = (SELECT min(t.due_at) FROM tasks t WHERE t.patient_id = patients.id AND t.status IN ('open', 'in_progress')),
  mdt_declined_at = (SELECT max(r.closed_at) FROM referrals r WHERE r.patient_id = patients.id AND r.status = 'declined'),
  mdt_referral_target_at = (SELECT min(r.target_at) FROM referrals r WHERE r.patient_id = patients.id AND r.status IN ('sent', 'accepted', 'in_progress') AND r.responded_at IS NULL),
  mdt_home_at = (SELECT max(d.home_at) FROM discharges d WHERE d.patient_id = patients.id)`;

/** The triggers that keep the signals, by name, with the SQL that makes each (to drop and remake them). */
export function mdtSignalTriggers(sqlite: SqliteDatabase): { name: string; sql: string }[] {
  return sqlite.prepare("select name, sql from sqlite_master where type = 'trigger' and name like '%\\_mdt\\_%' escape '\\'").all() as {
    name: string;
    sql: string;
  }[];
}
