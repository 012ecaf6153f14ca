ALTER TABLE `checklist_items` ADD `pathways` text DEFAULT '0123' NOT NULL;--> statement-breakpoint
ALTER TABLE `discharges` ADD `hospital_organisation_id` text REFERENCES organisations(id);--> statement-breakpoint
-- The default checklist, tailored: a care package and equipment only for pathway 1 (home with new
-- support); keys and access only for those going home (pathways 0 and 1). Items an administrator
-- added keep every pathway until they choose otherwise.
UPDATE `checklist_items` SET `pathways` = '1' WHERE `id` IN ('00000000-0000-4000-8000-000000000101', '00000000-0000-4000-8000-000000000104');--> statement-breakpoint
UPDATE `checklist_items` SET `pathways` = '01' WHERE `id` = '00000000-0000-4000-8000-000000000102';--> statement-breakpoint
-- Earlier flags whose typed hospital is a hospital in the directory point at it, so a flagger's last choice is remembered.
UPDATE `discharges` SET `hospital_organisation_id` = (
  SELECT `id` FROM `organisations` WHERE `organisations`.`kind` = 'hospital_trust' AND `organisations`.`name` = `discharges`.`hospital` LIMIT 1
) WHERE `hospital_organisation_id` IS NULL;
