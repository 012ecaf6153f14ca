CREATE TABLE `scheduled_runs` (
	`job` text NOT NULL,
	`tick` integer NOT NULL,
	`claimed_by` text NOT NULL,
	`claimed_at` integer NOT NULL,
	PRIMARY KEY(`job`, `tick`)
);
