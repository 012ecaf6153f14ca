CREATE TABLE `named_contact_handoffs` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`from_user_id` text NOT NULL,
	`to_user_id` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handoffs_to_idx` ON `named_contact_handoffs` (`to_user_id`,`status`);--> statement-breakpoint
CREATE INDEX `handoffs_patient_idx` ON `named_contact_handoffs` (`patient_id`,`status`);--> statement-breakpoint
CREATE TABLE `referral_outcome_reasons` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `referrals` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`service_id` text NOT NULL,
	`to_organisation_id` text NOT NULL,
	`from_user_id` text NOT NULL,
	`from_organisation_id` text,
	`reason` text NOT NULL,
	`urgency` text NOT NULL,
	`person_wants` text NOT NULL,
	`about_me_reused` integer NOT NULL,
	`attachments` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'sent' NOT NULL,
	`owner_user_id` text,
	`decline_reason` text,
	`outcome` text,
	`outcome_reason` text,
	`outcome_note` text,
	`cancel_reason` text,
	`target_at` integer NOT NULL,
	`overdue_notified_at` integer,
	`sent_at` integer NOT NULL,
	`responded_at` integer,
	`closed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referrals_to_org_idx` ON `referrals` (`to_organisation_id`,`status`,`target_at`);--> statement-breakpoint
CREATE INDEX `referrals_from_org_idx` ON `referrals` (`from_organisation_id`,`sent_at`);--> statement-breakpoint
CREATE INDEX `referrals_from_user_idx` ON `referrals` (`from_user_id`,`sent_at`);--> statement-breakpoint
CREATE INDEX `referrals_patient_idx` ON `referrals` (`patient_id`,`status`);--> statement-breakpoint
CREATE INDEX `referrals_overdue_idx` ON `referrals` (`overdue_notified_at`,`status`,`target_at`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`external_id` text,
	`name` text NOT NULL,
	`provider_name` text NOT NULL,
	`organisation_id` text,
	`category` text NOT NULL,
	`area` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`eligibility` text DEFAULT '' NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`target_urgent_hours` integer DEFAULT 4 NOT NULL,
	`target_soon_working_days` integer DEFAULT 2 NOT NULL,
	`target_routine_working_days` integer DEFAULT 10 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_external_id_unique` ON `services` (`external_id`);--> statement-breakpoint
CREATE INDEX `services_name_idx` ON `services` (`name`);--> statement-breakpoint
CREATE INDEX `services_category_idx` ON `services` (`category`,`name`);