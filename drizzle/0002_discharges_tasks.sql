CREATE TABLE `checklist_items` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`kind` text DEFAULT 'task' NOT NULL,
	`position` integer NOT NULL,
	`follow_up_hours` integer
);
--> statement-breakpoint
CREATE TABLE `discharges` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`flagged_by_user_id` text NOT NULL,
	`flagged_by_organisation_id` text,
	`flagger_contact` text NOT NULL,
	`hospital` text NOT NULL,
	`ward` text DEFAULT '' NOT NULL,
	`expected_date` text NOT NULL,
	`pathway` integer NOT NULL,
	`risk_level` text NOT NULL,
	`concern` text NOT NULL,
	`ask` text NOT NULL,
	`care_visits_per_day` integer DEFAULT 0 NOT NULL,
	`care_provider` text DEFAULT '' NOT NULL,
	`carer_consulted` integer NOT NULL,
	`status` text DEFAULT 'flagged' NOT NULL,
	`follow_up_hours` integer NOT NULL,
	`home_at` integer,
	`followed_up_at` integer,
	`followed_up_by_user_id` text,
	`follow_up_outcome` text,
	`closed_at` integer,
	`closed_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`flagged_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`flagged_by_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`followed_up_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `discharges_status_expected_idx` ON `discharges` (`status`,`expected_date`,`id`);--> statement-breakpoint
CREATE INDEX `discharges_flagged_by_idx` ON `discharges` (`flagged_by_user_id`,`expected_date`,`id`);--> statement-breakpoint
CREATE INDEX `discharges_patient_idx` ON `discharges` (`patient_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`title` text NOT NULL,
	`details` text DEFAULT '' NOT NULL,
	`assignee_user_id` text,
	`assignee_organisation_id` text NOT NULL,
	`due_at` integer,
	`priority` text DEFAULT 'normal' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`origin` text NOT NULL,
	`discharge_id` text,
	`is_follow_up` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`outcome` text,
	`completed_at` integer,
	`completed_by_user_id` text,
	`escalated_at` integer,
	`created_by_user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`discharge_id`) REFERENCES `discharges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`completed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tasks_assignee_user_idx` ON `tasks` (`assignee_user_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `tasks_assignee_org_idx` ON `tasks` (`assignee_organisation_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `tasks_patient_idx` ON `tasks` (`patient_id`,`status`);--> statement-breakpoint
CREATE INDEX `tasks_discharge_idx` ON `tasks` (`discharge_id`,`position`);--> statement-breakpoint
CREATE INDEX `tasks_escalation_idx` ON `tasks` (`escalated_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `tasks_completed_by_idx` ON `tasks` (`completed_by_user_id`,`completed_at`);--> statement-breakpoint
CREATE TABLE `email_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`notification_id` text,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`notification_id`) REFERENCES `notifications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `email_outbox_unsent_idx` ON `email_outbox` (`sent_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`link` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`user_id`,`read_at`);