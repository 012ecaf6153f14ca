-- The rows SQLite's migrations insert (drizzle/0003, 0005, and 0018's change to the checklist's
-- pathways), with the values they end with there.
-- carenav's own user, for scheduled work (escalation). Inactive with no usable password hash: it can never sign in.
INSERT INTO "users" ("id", "email", "name", "role", "organisation_id", "job_title", "phone", "password_hash", "active", "must_change_password", "created_at")
VALUES ('00000000-0000-4000-8000-000000000001', 'system@carenav.invalid', 'carenav (automatic)', 'system', NULL, NULL, NULL, '!', false, false, 0);
--> statement-breakpoint
-- The default discharge checklist, tailored by pathway; administrators can change it.
INSERT INTO "checklist_items" ("id", "title", "kind", "position", "follow_up_hours", "pathways") VALUES
  ('00000000-0000-4000-8000-000000000101', 'Care package confirmed', 'task', 1, NULL, '1'),
  ('00000000-0000-4000-8000-000000000102', 'Keys and access sorted', 'task', 2, NULL, '01'),
  ('00000000-0000-4000-8000-000000000103', 'Medication ready', 'task', 3, NULL, '0123'),
  ('00000000-0000-4000-8000-000000000104', 'Equipment delivered', 'task', 4, NULL, '1'),
  ('00000000-0000-4000-8000-000000000105', 'Follow-up contact after getting home', 'follow_up', 5, 24, '0123');
--> statement-breakpoint
-- Reasons a referral did not succeed (administrators can change the list).
INSERT INTO "referral_outcome_reasons" ("id", "label", "position") VALUES
  ('00000000-0000-4000-8000-000000000201', 'Declined by the person', 1),
  ('00000000-0000-4000-8000-000000000202', 'No capacity', 2),
  ('00000000-0000-4000-8000-000000000203', 'Could not contact', 3),
  ('00000000-0000-4000-8000-000000000204', 'Not eligible', 4),
  ('00000000-0000-4000-8000-000000000205', 'Needs met elsewhere', 5);
