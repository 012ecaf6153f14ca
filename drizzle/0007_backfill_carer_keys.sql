-- Each carer now has their own consent decision: key existing named-carer decisions by the carer's
-- name, and tie each existing carer link to the carer named in the person's latest decision.
UPDATE consents SET carer_key = lower(trim(carer_name)) WHERE purpose = 'named_carer' AND carer_key = '';
--> statement-breakpoint
UPDATE carer_links SET carer_key = coalesce((
  SELECT c.carer_key FROM consents c
  WHERE c.patient_id = carer_links.patient_id AND c.purpose = 'named_carer'
  ORDER BY c.decided_at DESC, c.recorded_at DESC, c.rowid DESC LIMIT 1
), '') WHERE carer_key = '';
