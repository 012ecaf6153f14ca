-- carenav's own user, for scheduled work (escalation). Inactive with no usable password hash: it can never sign in.
INSERT INTO `users` (`id`, `email`, `name`, `role`, `organisation_id`, `job_title`, `phone`, `password_hash`, `active`, `created_at`)
VALUES ('00000000-0000-4000-8000-000000000001', 'system@carenav.invalid', 'carenav (automatic)', 'system', NULL, NULL, NULL, '!', 0, 0);
--> statement-breakpoint
-- The default discharge checklist; administrators can change it.
INSERT INTO `checklist_items` (`id`, `title`, `kind`, `position`, `follow_up_hours`) VALUES
  ('00000000-0000-4000-8000-000000000101', 'Care package confirmed', 'task', 1, NULL),
  ('00000000-0000-4000-8000-000000000102', 'Keys and access sorted', 'task', 2, NULL),
  ('00000000-0000-4000-8000-000000000103', 'Medication ready', 'task', 3, NULL),
  ('00000000-0000-4000-8000-000000000104', 'Equipment delivered', 'task', 4, NULL),
  ('00000000-0000-4000-8000-000000000105', 'Follow-up contact after getting home', 'follow_up', 5, 24);
