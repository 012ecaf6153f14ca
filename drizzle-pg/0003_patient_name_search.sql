-- Name search by prefix of any word of a person's name ("mar smi" finds Margaret Smith), as the
-- FTS5 table of drizzle/0010 and 0014 does on SQLite: a prefix tsvector. Words are split as FTS5's
-- unicode61 tokenizer splits them (on anything not a letter or digit) and diacritics removed
-- (FTS5's remove_diacritics 2), so "jose" finds José. Nothing to keep in step: the GIN index is on an
-- expression of patients.search_name, so no shadow table and no triggers.
-- The query (server/patients/search-patients.ts, when it runs on PostgreSQL):
--   carenav_name_search_vector(search_name) @@ to_tsquery('simple', 'mar:* & smi:*')
-- ordered by family_name, given_name. A trigram index (pg_trgm) with `~ '(^| )mar'` was measured
-- too (200,000 people): it serves the match, but the planner misjudges two such conditions and
-- scans by family name instead (1.3 s against 17 ms for this index).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE FUNCTION carenav_name_search_vector(name text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT to_tsvector('simple'::regconfig, public.unaccent('public.unaccent'::regdictionary, name)) $$;
--> statement-breakpoint
CREATE INDEX "patients_search_name_prefix_idx" ON "patients" USING gin (carenav_name_search_vector("search_name"));
