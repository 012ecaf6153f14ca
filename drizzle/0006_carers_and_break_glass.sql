CREATE TABLE `carer_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`carer_name` text NOT NULL,
	`carer_key` text NOT NULL,
	`email` text NOT NULL,
	`relationship` text NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by_user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`revoked_at` integer,
	`carer_user_id` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`carer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `carer_invitations_token_idx` ON `carer_invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `carer_invitations_patient_idx` ON `carer_invitations` (`patient_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `break_glass_grants` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`reason` text NOT NULL,
	`granted_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`review_outcome` text,
	`review_note` text,
	`reviewed_by_user_id` text,
	`reviewed_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `break_glass_user_patient_idx` ON `break_glass_grants` (`user_id`,`patient_id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `break_glass_review_idx` ON `break_glass_grants` (`reviewed_at`,`granted_at`);--> statement-breakpoint
ALTER TABLE `consents` ADD `carer_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `consents_patient_carer_idx` ON `consents` (`patient_id`,`carer_key`,`decided_at`);--> statement-breakpoint
ALTER TABLE `carer_links` ADD `carer_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `carer_links` ADD `invitation_id` text;