DROP INDEX `timeline_patient_sector_occurred_idx`;--> statement-breakpoint
DROP INDEX `timeline_amends_idx`;--> statement-breakpoint
CREATE INDEX `timeline_amends_idx` ON `timeline_events` (`amends_event_id`) WHERE "timeline_events"."amends_event_id" is not null;