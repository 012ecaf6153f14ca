CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`sector` text NOT NULL,
	`ods_code` text,
	`phone` text,
	`email` text,
	`navigator_team_id` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `organisations_name_idx` ON `organisations` (`name`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`ended_at` integer,
	`ended_reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sign_in_failures` (
	`email` text PRIMARY KEY NOT NULL,
	`failed_count` integer NOT NULL,
	`window_start_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`organisation_id` text,
	`job_title` text,
	`phone` text,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_organisation_idx` ON `users` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `care_team_members` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`user_id` text,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`organisation_id` text,
	`organisation_name` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`added_at` integer NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `care_team_patient_idx` ON `care_team_members` (`patient_id`,`removed_at`);--> statement-breakpoint
CREATE INDEX `care_team_user_idx` ON `care_team_members` (`user_id`,`removed_at`);--> statement-breakpoint
CREATE TABLE `patients` (
	`id` text PRIMARY KEY NOT NULL,
	`nhs_number` text NOT NULL,
	`given_name` text NOT NULL,
	`family_name` text NOT NULL,
	`search_name` text NOT NULL,
	`date_of_birth` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`postcode` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`registered_practice_id` text NOT NULL,
	`caseload_organisation_id` text NOT NULL,
	`named_contact_user_id` text,
	`status` text DEFAULT 'active' NOT NULL,
	`closed_reason` text,
	`risk_level` text DEFAULT 'medium' NOT NULL,
	`conditions` text DEFAULT '[]' NOT NULL,
	`communication_needs` text DEFAULT '' NOT NULL,
	`home_access_notes` text DEFAULT '' NOT NULL,
	`about_what_matters` text DEFAULT '' NOT NULL,
	`about_strengths` text DEFAULT '' NOT NULL,
	`about_everyone_should_know` text DEFAULT '' NOT NULL,
	`next_action` text DEFAULT '' NOT NULL,
	`last_contact_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`registered_practice_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`caseload_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`named_contact_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `patients_nhs_number_unique` ON `patients` (`nhs_number`);--> statement-breakpoint
CREATE INDEX `patients_named_contact_idx` ON `patients` (`named_contact_user_id`,`status`);--> statement-breakpoint
CREATE INDEX `patients_caseload_idx` ON `patients` (`caseload_organisation_id`,`status`);--> statement-breakpoint
CREATE INDEX `patients_practice_idx` ON `patients` (`registered_practice_id`);--> statement-breakpoint
CREATE INDEX `patients_search_name_idx` ON `patients` (`search_name`);--> statement-breakpoint
CREATE INDEX `patients_family_name_idx` ON `patients` (`family_name`);--> statement-breakpoint
CREATE INDEX `patients_dob_idx` ON `patients` (`date_of_birth`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`purpose` text NOT NULL,
	`decision` text NOT NULL,
	`method` text NOT NULL,
	`carer_name` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`decided_at` integer NOT NULL,
	`recorded_by_user_id` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_patient_purpose_idx` ON `consents` (`patient_id`,`purpose`,`decided_at`);--> statement-breakpoint
CREATE TABLE `timeline_events` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`kind` text NOT NULL,
	`contact_method` text,
	`summary` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`occurred_at` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	`actor_user_id` text NOT NULL,
	`organisation_id` text,
	`sector` text NOT NULL,
	`subject_type` text,
	`subject_id` text,
	`amends_event_id` text,
	`carer_visible` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `timeline_patient_occurred_idx` ON `timeline_events` (`patient_id`,`occurred_at`,`id`);--> statement-breakpoint
CREATE INDEX `timeline_patient_sector_occurred_idx` ON `timeline_events` (`patient_id`,`sector`,`occurred_at`,`id`);--> statement-breakpoint
CREATE INDEX `timeline_amends_idx` ON `timeline_events` (`amends_event_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`user_id` text,
	`role` text,
	`organisation_id` text,
	`action` text NOT NULL,
	`patient_id` text,
	`outcome` text NOT NULL,
	`rule` text DEFAULT '' NOT NULL,
	`reason` text,
	`ip` text
);
--> statement-breakpoint
CREATE INDEX `audit_patient_at_idx` ON `audit_log` (`patient_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_user_at_idx` ON `audit_log` (`user_id`,`at`);--> statement-breakpoint
CREATE TABLE `carer_links` (
	`id` text PRIMARY KEY NOT NULL,
	`carer_user_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`relationship` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`carer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `carer_links_unique` ON `carer_links` (`carer_user_id`,`patient_id`);--> statement-breakpoint
CREATE INDEX `carer_links_patient_idx` ON `carer_links` (`patient_id`);