DROP INDEX `tasks_patient_idx`;--> statement-breakpoint
DROP INDEX `tasks_completed_by_idx`;--> statement-breakpoint
CREATE INDEX `tasks_mine_due_idx` ON `tasks` (`assignee_user_id`,(case when "due_at" is null then 99999999999999 else "due_at" end),`id`) WHERE "tasks"."status" in ('open', 'in_progress');--> statement-breakpoint
CREATE INDEX `tasks_team_queue_due_idx` ON `tasks` (`assignee_organisation_id`,(case when "due_at" is null then 99999999999999 else "due_at" end),`id`) WHERE "tasks"."status" in ('open', 'in_progress') and "tasks"."assignee_user_id" is null;--> statement-breakpoint
CREATE INDEX `tasks_patient_idx` ON `tasks` (`patient_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `tasks_completed_by_idx` ON `tasks` (`completed_by_user_id`,`completed_at`,`id`);--> statement-breakpoint
DROP INDEX `notifications_unread_idx`;--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`user_id`,`read_at`,`created_at`,`id`);