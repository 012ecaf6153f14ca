CREATE TABLE `wellbeing_scores` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`kind` text NOT NULL,
	`life_satisfaction` integer NOT NULL,
	`worthwhile` integer NOT NULL,
	`happiness` integer NOT NULL,
	`anxiety` integer NOT NULL,
	`answered_on` text NOT NULL,
	`recorded_by_user_id` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `wellbeing_patient_idx` ON `wellbeing_scores` (`patient_id`,`answered_on`);--> statement-breakpoint
CREATE TABLE `mdt_discussions` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`note` text NOT NULL,
	`recorded_by_user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `mdt_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mdt_discussions_meeting_idx` ON `mdt_discussions` (`meeting_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `mdt_discussions_patient_idx` ON `mdt_discussions` (`patient_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `mdt_meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`held_on` text NOT NULL,
	`attendees` text NOT NULL,
	`recorded_by_user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mdt_meetings_org_idx` ON `mdt_meetings` (`organisation_id`,`held_on`);--> statement-breakpoint
ALTER TABLE `tasks` ADD `mdt_discussion_id` text;--> statement-breakpoint
CREATE INDEX `tasks_mdt_idx` ON `tasks` (`mdt_discussion_id`);