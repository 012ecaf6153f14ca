CREATE TABLE `kept_measures` (
	`scope_key` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`measure_id` text NOT NULL,
	`version` text NOT NULL,
	`computed_at` integer NOT NULL,
	`body` text NOT NULL,
	PRIMARY KEY(`scope_key`, `period_from`, `period_to`, `measure_id`)
);
--> statement-breakpoint
CREATE INDEX `kept_measures_computed_idx` ON `kept_measures` (`computed_at`);