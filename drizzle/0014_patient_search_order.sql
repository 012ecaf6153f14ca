-- The name search index also keeps each person's sort key (family name, then given name), so a
-- search orders and cuts its candidates inside the index instead of reading every matching
-- person's row first: "sm" can match over a thousand people across an ICS.
DROP TRIGGER patients_fts_insert;
--> statement-breakpoint
DROP TRIGGER patients_fts_update;
--> statement-breakpoint
DROP TRIGGER patients_fts_delete;
--> statement-breakpoint
DROP TABLE patients_fts;
--> statement-breakpoint
CREATE VIRTUAL TABLE patients_fts USING fts5(search_name, patient_id UNINDEXED, sort_name UNINDEXED, tokenize="unicode61 remove_diacritics 2", prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER patients_fts_insert AFTER INSERT ON patients BEGIN
  INSERT INTO patients_fts(search_name, patient_id, sort_name) VALUES (new.search_name, new.id, new.family_name || char(31) || new.given_name);
END;
--> statement-breakpoint
CREATE TRIGGER patients_fts_update AFTER UPDATE OF search_name, family_name, given_name ON patients BEGIN
  DELETE FROM patients_fts WHERE patient_id = old.id;
  INSERT INTO patients_fts(search_name, patient_id, sort_name) VALUES (new.search_name, new.id, new.family_name || char(31) || new.given_name);
END;
--> statement-breakpoint
CREATE TRIGGER patients_fts_delete AFTER DELETE ON patients BEGIN
  DELETE FROM patients_fts WHERE patient_id = old.id;
END;
--> statement-breakpoint
INSERT INTO patients_fts(search_name, patient_id, sort_name) SELECT search_name, id, family_name || char(31) || given_name FROM patients;
