CREATE TABLE `mdt_chosen` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`chosen_by_user_id` text NOT NULL,
	`chosen_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `mdt_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chosen_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mdt_chosen_meeting_patient_idx` ON `mdt_chosen` (`meeting_id`,`patient_id`);--> statement-breakpoint
ALTER TABLE `patients` ADD `mdt_task_due_at` integer;--> statement-breakpoint
ALTER TABLE `patients` ADD `mdt_declined_at` integer;--> statement-breakpoint
ALTER TABLE `patients` ADD `mdt_referral_target_at` integer;--> statement-breakpoint
ALTER TABLE `patients` ADD `mdt_home_at` integer;--> statement-breakpoint
ALTER TABLE `patients` ADD `mdt_care_team_sectors` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `patients_mdt_idx` ON `patients` (`caseload_organisation_id`,`status`,`risk_level`,`last_contact_at`,`mdt_task_due_at`,`mdt_declined_at`,`mdt_referral_target_at`,`mdt_home_at`,`mdt_care_team_sectors`,`named_contact_user_id`,`id`);--> statement-breakpoint
CREATE INDEX `care_team_organisation_idx` ON `care_team_members` (`organisation_id`,`removed_at`,`patient_id`);