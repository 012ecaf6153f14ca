-- Name search by prefix of any word of a person's name ("mar smi" finds Margaret Smith), through an
-- FTS5 index kept in step with patients by triggers. It stores the person's id itself rather than
-- relying on patients' rowids, which VACUUM may renumber.
CREATE VIRTUAL TABLE patients_fts USING fts5(search_name, patient_id UNINDEXED, tokenize="unicode61 remove_diacritics 2", prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER patients_fts_insert AFTER INSERT ON patients BEGIN
  INSERT INTO patients_fts(search_name, patient_id) VALUES (new.search_name, new.id);
END;
--> statement-breakpoint
CREATE TRIGGER patients_fts_update AFTER UPDATE OF search_name ON patients BEGIN
  DELETE FROM patients_fts WHERE patient_id = old.id;
  INSERT INTO patients_fts(search_name, patient_id) VALUES (new.search_name, new.id);
END;
--> statement-breakpoint
CREATE TRIGGER patients_fts_delete AFTER DELETE ON patients BEGIN
  DELETE FROM patients_fts WHERE patient_id = old.id;
END;
--> statement-breakpoint
INSERT INTO patients_fts(search_name, patient_id) SELECT search_name, id FROM patients;
