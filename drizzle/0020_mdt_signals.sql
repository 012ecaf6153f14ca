-- The MDT worklist's signals on each person, kept by the database whenever a task, referral,
-- discharge or care team member changes (whatever code path writes it), so the worklist ranks a team of 10,000 people
-- from one index instead of four look-ups per person. Each reason is then a comparison with the
-- time now (docs/decisions/017-mdt-worklist-from-kept-signals.md). The statuses are those of
-- server/tasks/task-fields.ts (unfinished) and server/access/load-patient-facts.ts (open referral); the sector bits are MDT_SECTOR_BITS of
-- server/mdt/mdt-worklist.ts.
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
CREATE TRIGGER care_team_members_mdt_insert AFTER INSERT ON care_team_members BEGIN
  UPDATE patients SET mdt_care_team_sectors = (SELECT coalesce(sum(DISTINCT CASE o.sector WHEN 'primary' THEN 1 WHEN 'secondary' THEN 2 WHEN 'social' THEN 4 WHEN 'housing' THEN 8 WHEN 'voluntary' THEN 16 WHEN 'community' THEN 32 ELSE 0 END), 0) FROM care_team_members m JOIN organisations o ON o.id = m.organisation_id WHERE m.patient_id = patients.id AND m.removed_at IS NULL) WHERE id = new.patient_id;
END;
--> statement-breakpoint
CREATE TRIGGER care_team_members_mdt_update AFTER UPDATE OF removed_at, organisation_id, patient_id ON care_team_members BEGIN
  UPDATE patients SET mdt_care_team_sectors = (SELECT coalesce(sum(DISTINCT CASE o.sector WHEN 'primary' THEN 1 WHEN 'secondary' THEN 2 WHEN 'social' THEN 4 WHEN 'housing' THEN 8 WHEN 'voluntary' THEN 16 WHEN 'community' THEN 32 ELSE 0 END), 0) FROM care_team_members m JOIN organisations o ON o.id = m.organisation_id WHERE m.patient_id = patients.id AND m.removed_at IS NULL) WHERE id IN (old.patient_id, new.patient_id);
END;
--> statement-breakpoint
CREATE TRIGGER care_team_members_mdt_delete AFTER DELETE ON care_team_members BEGIN
  UPDATE patients SET mdt_care_team_sectors = (SELECT coalesce(sum(DISTINCT CASE o.sector WHEN 'primary' THEN 1 WHEN 'secondary' THEN 2 WHEN 'social' THEN 4 WHEN 'housing' THEN 8 WHEN 'voluntary' THEN 16 WHEN 'community' THEN 32 ELSE 0 END), 0) FROM care_team_members m JOIN organisations o ON o.id = m.organisation_id WHERE m.patient_id = patients.id AND m.removed_at IS NULL) WHERE id = old.patient_id;
END;
--> statement-breakpoint
CREATE TRIGGER organisations_mdt_sector AFTER UPDATE OF sector ON organisations BEGIN
  UPDATE patients SET mdt_care_team_sectors = (SELECT coalesce(sum(DISTINCT CASE o.sector WHEN 'primary' THEN 1 WHEN 'secondary' THEN 2 WHEN 'social' THEN 4 WHEN 'housing' THEN 8 WHEN 'voluntary' THEN 16 WHEN 'community' THEN 32 ELSE 0 END), 0) FROM care_team_members m JOIN organisations o ON o.id = m.organisation_id WHERE m.patient_id = patients.id AND m.removed_at IS NULL)
  WHERE id IN (SELECT m.patient_id FROM care_team_members m WHERE m.organisation_id = new.id);
END;
--> statement-breakpoint
UPDATE patients SET
  mdt_task_due_at = (SELECT min(t.due_at) FROM tasks t WHERE t.patient_id = patients.id AND t.status IN ('open', 'in_progress')),
  mdt_declined_at = (SELECT max(r.closed_at) FROM referrals r WHERE r.patient_id = patients.id AND r.status = 'declined'),
  mdt_referral_target_at = (SELECT min(r.target_at) FROM referrals r WHERE r.patient_id = patients.id AND r.status IN ('sent', 'accepted', 'in_progress') AND r.responded_at IS NULL),
  mdt_home_at = (SELECT max(d.home_at) FROM discharges d WHERE d.patient_id = patients.id),
  mdt_care_team_sectors = (SELECT coalesce(sum(DISTINCT CASE o.sector WHEN 'primary' THEN 1 WHEN 'secondary' THEN 2 WHEN 'social' THEN 4 WHEN 'housing' THEN 8 WHEN 'voluntary' THEN 16 WHEN 'community' THEN 32 ELSE 0 END), 0) FROM care_team_members m JOIN organisations o ON o.id = m.organisation_id WHERE m.patient_id = patients.id AND m.removed_at IS NULL);
