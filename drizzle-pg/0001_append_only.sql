-- The audit log and the timeline are append-only in the database itself: corrections are new rows
-- (as drizzle/0001_append_only.sql on SQLite, with the same trigger names and messages). SQLite's
-- BEFORE DELETE trigger also stops `DELETE FROM t` with no WHERE (it turns off SQLite's truncate
-- optimisation); PostgreSQL's TRUNCATE skips row triggers, so it has a statement-level trigger of its own.
CREATE FUNCTION carenav_refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION carenav_refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION carenav_refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION carenav_refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER timeline_events_no_update BEFORE UPDATE ON timeline_events FOR EACH ROW EXECUTE FUNCTION carenav_refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER timeline_events_no_delete BEFORE DELETE ON timeline_events FOR EACH ROW EXECUTE FUNCTION carenav_refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER timeline_events_no_truncate BEFORE TRUNCATE ON timeline_events FOR EACH STATEMENT EXECUTE FUNCTION carenav_refuse_append_only_change();
