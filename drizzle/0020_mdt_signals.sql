-- The MDT worklist's signals on each person, kept by the database whenever a task, referral or
-- discharge changes (whatever code path writes it), so the worklist ranks a team of 10,000 people
-- from one index instead of four look-ups per person. Each reason is then a comparison with the
-- time now (docs/decisions/017-mdt-worklist-from-kept-signals.md). The statuses are those of
-- server/tasks/task-fields.ts (unfinished) and server/access/load-patient-facts.ts (open referral).
CREATE TRIGGER tasks_mdt_insert AFTER INSERT ON tasks BEGIN
  UPDATE patients SET mdt_task_due_at = (SELECT min(t.due_at) FROM tasks t WHERE t.patient_id = patients.id AND t.status IN ('open', 'in_progress'))
  WHERE id = new.patient_id;
END;
--> statement-breakpoint
CREATE TRIGGER tasks_mdt_update AFTER UPDATE OF status, due_at, patient_id ON tasks BEGIN
  UPDATE patients SET mdt_task_due_at = (SELECT min(t.due_at) FROM tasks t WHERE t.patient_id = patients.id AND t.status IN ('open', 'in_progress'))
  WHERE id IN (old.patient_id, new.patient_id);
END;
--> statement-breakpoint
CREATE TRIGGER tasks_mdt_delete AFTER DELETE ON tasks BEGIN
  UPDATE patients SET mdt_task_due_at = (SELECT min(t.due_at) FROM tasks t WHERE t.patient_id = patients.id AND t.status IN ('open', 'in_progress'))
  WHERE id = old.patient_id;
END;
--> statement-breakpoint
CREATE TRIGGER referrals_mdt_insert AFTER INSERT ON referrals BEGIN
  UPDATE patients SET
    mdt_declined_at = (SELECT max(r.closed_at) FROM referrals r WHERE r.patient_id = patients.id AND r.status = 'declined'),
    mdt_referral_target_at = (SELECT min(r.target_at) FROM referrals r WHERE r.patient_id = patients.id AND r.status IN ('sent', 'accepted', 'in_progress') AND r.responded_at IS NULL)
  WHERE id = new.patient_id;
END;
--> statement-breakpoint
CREATE TRIGGER referrals_mdt_update AFTER UPDATE OF status, closed_at, target_at, responded_at, patient_id ON referrals BEGIN
  UPDATE patients SET
    mdt_declined_at = (SELECT max(r.closed_at) FROM referrals r WHERE r.patient_id = patients.id AND r.status = 'declined'),
    mdt_referral_target_at = (SELECT min(r.target_at) FROM referrals r WHERE r.patient_id = patients.id AND r.status IN ('sent', 'accepted', 'in_progress') AND r.responded_at IS NULL)
  WHERE id IN (old.patient_id, new.patient_id);
END;
--> statement-breakpoint
CREATE TRIGGER referrals_mdt_delete AFTER DELETE ON referrals BEGIN
  UPDATE patients SET
    mdt_declined_at = (SELECT max(r.closed_at) FROM referrals r WHERE r.patient_id = patients.id AND r.status = 'declined'),
    mdt_referral_target_at = (SELECT min(r.target_at) FROM referrals r WHERE r.patient_id = patients.id AND r.status IN ('sent', 'accepted', 'in_progress') AND r.responded_at IS NULL)
  WHERE id = old.patient_id;
END;
--> statement-breakpoint
CREATE TRIGGER discharges_mdt_insert AFTER INSERT ON discharges BEGIN
  UPDATE patients SET mdt_home_at = (SELECT max(d.home_at) FROM discharges d WHERE d.patient_id = patients.id) WHERE id = new.patient_id;
END;
--> statement-breakpoint
CREATE TRIGGER discharges_mdt_update AFTER UPDATE OF home_at, patient_id ON discharges BEGIN
  UPDATE patients SET mdt_home_at = (SELECT max(d.home_at) FROM discharges d WHERE d.patient_id = patients.id) WHERE id IN (old.patient_id, new.patient_id);
END;
--> statement-breakpoint
CREATE TRIGGER discharges_mdt_delete AFTER DELETE ON discharges BEGIN
  UPDATE patients SET mdt_home_at = (SELECT max(d.home_at) FROM discharges d WHERE d.patient_id = patients.id) WHERE id = old.patient_id;
END;
--> statement-breakpoint
UPDATE patients SET
  mdt_task_due_at = (SELECT min(t.due_at) FROM tasks t WHERE t.patient_id = patients.id AND t.status IN ('open', 'in_progress')),
  mdt_declined_at = (SELECT max(r.closed_at) FROM referrals r WHERE r.patient_id = patients.id AND r.status = 'declined'),
  mdt_referral_target_at = (SELECT min(r.target_at) FROM referrals r WHERE r.patient_id = patients.id AND r.status IN ('sent', 'accepted', 'in_progress') AND r.responded_at IS NULL),
  mdt_home_at = (SELECT max(d.home_at) FROM discharges d WHERE d.patient_id = patients.id);
