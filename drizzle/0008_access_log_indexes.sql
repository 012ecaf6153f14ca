DROP INDEX `audit_patient_at_idx`;--> statement-breakpoint
CREATE INDEX `audit_patient_org_at_idx` ON `audit_log` (`patient_id`,`organisation_id`,`at`,`id`);--> statement-breakpoint
CREATE INDEX `audit_patient_at_idx` ON `audit_log` (`patient_id`,`at`,`id`);