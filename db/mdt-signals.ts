// The MDT worklist's signals on each person (patients.mdt_*), worked out afresh from the tasks,
// referrals, discharges and care teams. The triggers of drizzle/0020_mdt_signals.sql keep them as rows change;
// this is for a database filled with those triggers off (db:synth), and for the test that holds the
// triggers to it.
import type { SqliteDatabase } from './sqlite';

export const RECOMPUTE_MDT_SIGNALS = `UPDATE patients SET
  mdt_task_due_at = (SELECT min(t.due_at) FROM tasks t WHERE t.patient_id = patients.id AND t.status IN ('open', 'in_progress')),
  mdt_declined_at = (SELECT max(r.closed_at) FROM referrals r WHERE r.patient_id = patients.id AND r.status = 'declined'),
  mdt_referral_target_at = (SELECT min(r.target_at) FROM referrals r WHERE r.patient_id = patients.id AND r.status IN ('sent', 'accepted', 'in_progress') AND r.responded_at IS NULL),
  mdt_home_at = (SELECT max(d.home_at) FROM discharges d WHERE d.patient_id = patients.id),
  mdt_care_team_sectors = (SELECT coalesce(sum(DISTINCT CASE o.sector WHEN 'primary' THEN 1 WHEN 'secondary' THEN 2 WHEN 'social' THEN 4 WHEN 'housing' THEN 8 WHEN 'voluntary' THEN 16 WHEN 'community' THEN 32 ELSE 0 END), 0) FROM care_team_members m JOIN organisations o ON o.id = m.organisation_id WHERE m.patient_id = patients.id AND m.removed_at IS NULL)`;

/** The triggers that keep the signals, by name, with the SQL that makes each (to drop and remake them). */
export function mdtSignalTriggers(sqlite: SqliteDatabase): { name: string; sql: string }[] {
  return sqlite.prepare("select name, sql from sqlite_master where type = 'trigger' and name like '%\\_mdt\\_%' escape '\\'").all() as {
    name: string;
    sql: string;
  }[];
}
