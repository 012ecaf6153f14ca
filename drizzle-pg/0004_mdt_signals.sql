-- The MDT worklist's signals on each person (patients.mdt_*), kept by the database whenever a task,
-- referral, discharge or care team member changes: the same triggers (names, events, columns) and
-- the same values as drizzle/0020_mdt_signals.sql on SQLite. Each recompute is the SQL of SQLite's
-- trigger (and of RECOMPUTE_MDT_SIGNALS in db/mdt-signals.ts), unchanged.
--
-- Concurrency (SQLite has one writer; PostgreSQL does not): each function first locks the people's
-- rows (in id order, so two writers cannot deadlock on them), then recomputes in a second
-- statement. Under READ COMMITTED that statement takes its snapshot after the lock is granted, so
-- it sees the rows of a concurrent transaction that changed the same person and committed first;
-- a single UPDATE would compute from its own older snapshot and could lose that change.
-- No backfill: the database is new and empty (SQLite's 0020 filled in existing rows).
CREATE FUNCTION carenav_tasks_mdt() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY[NEW.patient_id];
  ELSIF TG_OP = 'UPDATE' THEN
    ids := ARRAY[OLD.patient_id, NEW.patient_id];
  ELSE
    ids := ARRAY[OLD.patient_id];
  END IF;
  PERFORM 1 FROM patients WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE patients SET
    mdt_task_due_at = (SELECT min(t.due_at) FROM tasks t WHERE t.patient_id = patients.id AND t.status IN ('open', 'in_progress'))
  WHERE id = ANY (ids);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER tasks_mdt_insert AFTER INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION carenav_tasks_mdt();
--> statement-breakpoint
CREATE TRIGGER tasks_mdt_update AFTER UPDATE OF status, due_at, patient_id ON tasks FOR EACH ROW EXECUTE FUNCTION carenav_tasks_mdt();
--> statement-breakpoint
CREATE TRIGGER tasks_mdt_delete AFTER DELETE ON tasks FOR EACH ROW EXECUTE FUNCTION carenav_tasks_mdt();
--> statement-breakpoint
CREATE FUNCTION carenav_referrals_mdt() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY[NEW.patient_id];
  ELSIF TG_OP = 'UPDATE' THEN
    ids := ARRAY[OLD.patient_id, NEW.patient_id];
  ELSE
    ids := ARRAY[OLD.patient_id];
  END IF;
  PERFORM 1 FROM patients WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE patients SET
    mdt_declined_at = (SELECT max(r.closed_at) FROM referrals r WHERE r.patient_id = patients.id AND r.status = 'declined'),
    mdt_referral_target_at = (SELECT min(r.target_at) FROM referrals r WHERE r.patient_id = patients.id AND r.status IN ('sent', 'accepted', 'in_progress') AND r.responded_at IS NULL)
  WHERE id = ANY (ids);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER referrals_mdt_insert AFTER INSERT ON referrals FOR EACH ROW EXECUTE FUNCTION carenav_referrals_mdt();
--> statement-breakpoint
CREATE TRIGGER referrals_mdt_update AFTER UPDATE OF status, closed_at, target_at, responded_at, patient_id ON referrals FOR EACH ROW EXECUTE FUNCTION carenav_referrals_mdt();
--> statement-breakpoint
CREATE TRIGGER referrals_mdt_delete AFTER DELETE ON referrals FOR EACH ROW EXECUTE FUNCTION carenav_referrals_mdt();
--> statement-breakpoint
CREATE FUNCTION carenav_discharges_mdt() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY[NEW.patient_id];
  ELSIF TG_OP = 'UPDATE' THEN
    ids := ARRAY[OLD.patient_id, NEW.patient_id];
  ELSE
    ids := ARRAY[OLD.patient_id];
  END IF;
  PERFORM 1 FROM patients WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE patients SET
    mdt_home_at = (SELECT max(d.home_at) FROM discharges d WHERE d.patient_id = patients.id)
  WHERE id = ANY (ids);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER discharges_mdt_insert AFTER INSERT ON discharges FOR EACH ROW EXECUTE FUNCTION carenav_discharges_mdt();
--> statement-breakpoint
CREATE TRIGGER discharges_mdt_update AFTER UPDATE OF home_at, patient_id ON discharges FOR EACH ROW EXECUTE FUNCTION carenav_discharges_mdt();
--> statement-breakpoint
CREATE TRIGGER discharges_mdt_delete AFTER DELETE ON discharges FOR EACH ROW EXECUTE FUNCTION carenav_discharges_mdt();
--> statement-breakpoint
CREATE FUNCTION carenav_care_team_members_mdt() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY[NEW.patient_id];
  ELSIF TG_OP = 'UPDATE' THEN
    ids := ARRAY[OLD.patient_id, NEW.patient_id];
  ELSE
    ids := ARRAY[OLD.patient_id];
  END IF;
  PERFORM 1 FROM patients WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE patients SET
    mdt_care_team_sectors = (SELECT coalesce(sum(DISTINCT CASE o.sector WHEN 'primary' THEN 1 WHEN 'secondary' THEN 2 WHEN 'social' THEN 4 WHEN 'housing' THEN 8 WHEN 'voluntary' THEN 16 WHEN 'community' THEN 32 ELSE 0 END), 0) FROM care_team_members m JOIN organisations o ON o.id = m.organisation_id WHERE m.patient_id = patients.id AND m.removed_at IS NULL)
  WHERE id = ANY (ids);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER care_team_members_mdt_insert AFTER INSERT ON care_team_members FOR EACH ROW EXECUTE FUNCTION carenav_care_team_members_mdt();
--> statement-breakpoint
CREATE TRIGGER care_team_members_mdt_update AFTER UPDATE OF removed_at, organisation_id, patient_id ON care_team_members FOR EACH ROW EXECUTE FUNCTION carenav_care_team_members_mdt();
--> statement-breakpoint
CREATE TRIGGER care_team_members_mdt_delete AFTER DELETE ON care_team_members FOR EACH ROW EXECUTE FUNCTION carenav_care_team_members_mdt();
--> statement-breakpoint
CREATE FUNCTION carenav_organisations_mdt_sector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  ids := ARRAY(SELECT m.patient_id FROM care_team_members m WHERE m.organisation_id = NEW.id);
  PERFORM 1 FROM patients WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE patients SET
    mdt_care_team_sectors = (SELECT coalesce(sum(DISTINCT CASE o.sector WHEN 'primary' THEN 1 WHEN 'secondary' THEN 2 WHEN 'social' THEN 4 WHEN 'housing' THEN 8 WHEN 'voluntary' THEN 16 WHEN 'community' THEN 32 ELSE 0 END), 0) FROM care_team_members m JOIN organisations o ON o.id = m.organisation_id WHERE m.patient_id = patients.id AND m.removed_at IS NULL)
  WHERE id = ANY (ids);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER organisations_mdt_sector AFTER UPDATE OF sector ON organisations FOR EACH ROW EXECUTE FUNCTION carenav_organisations_mdt_sector();
