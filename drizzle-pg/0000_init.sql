CREATE TABLE "organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"sector" text NOT NULL,
	"ods_code" text,
	"phone" text,
	"email" text,
	"navigator_team_id" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" bigint NOT NULL,
	"last_seen_at" bigint NOT NULL,
	"ended_at" bigint,
	"ended_reason" text,
	"device" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "sign_in_failures" (
	"email" text PRIMARY KEY NOT NULL,
	"failed_count" integer NOT NULL,
	"window_start_at" bigint NOT NULL,
	"locked_until" bigint
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"organisation_id" text,
	"job_title" text,
	"phone" text,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_team_members" (
	"id" text PRIMARY KEY NOT NULL,
	"patient_id" text NOT NULL,
	"user_id" text,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"organisation_id" text,
	"organisation_name" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"added_at" bigint NOT NULL,
	"removed_at" bigint
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"search_name" text NOT NULL,
	"date_of_birth" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"postcode" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"registered_practice_id" text NOT NULL,
	"caseload_organisation_id" text NOT NULL,
	"named_contact_user_id" text,
	"status" text DEFAULT 'active' NOT NULL,
	"closed_reason" text,
	"risk_level" text DEFAULT 'medium' NOT NULL,
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"communication_needs" text DEFAULT '' NOT NULL,
	"home_access_notes" text DEFAULT '' NOT NULL,
	"about_what_matters" text DEFAULT '' NOT NULL,
	"about_strengths" text DEFAULT '' NOT NULL,
	"about_everyone_should_know" text DEFAULT '' NOT NULL,
	"next_action" text DEFAULT '' NOT NULL,
	"last_contact_at" bigint,
	"mdt_task_due_at" bigint,
	"mdt_declined_at" bigint,
	"mdt_referral_target_at" bigint,
	"mdt_home_at" bigint,
	"mdt_care_team_sectors" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" text PRIMARY KEY NOT NULL,
	"patient_id" text NOT NULL,
	"purpose" text NOT NULL,
	"decision" text NOT NULL,
	"method" text NOT NULL,
	"carer_name" text DEFAULT '' NOT NULL,
	"carer_key" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"decided_at" bigint NOT NULL,
	"recorded_by_user_id" text NOT NULL,
	"recorded_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timeline_events" (
	"id" text PRIMARY KEY NOT NULL,
	"patient_id" text NOT NULL,
	"kind" text NOT NULL,
	"contact_method" text,
	"summary" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"occurred_at" bigint NOT NULL,
	"recorded_at" bigint NOT NULL,
	"actor_user_id" text NOT NULL,
	"organisation_id" text,
	"sector" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"amends_event_id" text,
	"carer_visible" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" text PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL,
	"user_id" text,
	"role" text,
	"organisation_id" text,
	"action" text NOT NULL,
	"patient_id" text,
	"outcome" text NOT NULL,
	"rule" text DEFAULT '' NOT NULL,
	"reason" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "carer_invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"patient_id" text NOT NULL,
	"carer_name" text NOT NULL,
	"carer_key" text NOT NULL,
	"email" text NOT NULL,
	"relationship" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_user_id" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"used_at" bigint,
	"revoked_at" bigint,
	"carer_user_id" text
);
--> statement-breakpoint
CREATE TABLE "carer_links" (
	"id" text PRIMARY KEY NOT NULL,
	"carer_user_id" text NOT NULL,
	"patient_id" text NOT NULL,
	"relationship" text NOT NULL,
	"carer_key" text DEFAULT '' NOT NULL,
	"invitation_id" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checklist_items" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"kind" text DEFAULT 'task' NOT NULL,
	"position" integer NOT NULL,
	"follow_up_hours" integer,
	"pathways" text DEFAULT '0123' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discharges" (
	"id" text PRIMARY KEY NOT NULL,
	"patient_id" text NOT NULL,
	"flagged_by_user_id" text NOT NULL,
	"flagged_by_organisation_id" text,
	"flagger_contact" text NOT NULL,
	"hospital" text NOT NULL,
	"hospital_organisation_id" text,
	"ward" text DEFAULT '' NOT NULL,
	"expected_date" text NOT NULL,
	"pathway" integer NOT NULL,
	"risk_level" text NOT NULL,
	"concern" text NOT NULL,
	"ask" text NOT NULL,
	"care_visits_per_day" integer DEFAULT 0 NOT NULL,
	"care_provider" text DEFAULT '' NOT NULL,
	"carer_consulted" boolean NOT NULL,
	"status" text DEFAULT 'flagged' NOT NULL,
	"follow_up_hours" integer NOT NULL,
	"home_at" bigint,
	"followed_up_at" bigint,
	"followed_up_by_user_id" text,
	"follow_up_outcome" text,
	"closed_at" bigint,
	"closed_reason" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"patient_id" text NOT NULL,
	"title" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"assignee_user_id" text,
	"assignee_organisation_id" text NOT NULL,
	"due_at" bigint,
	"priority" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"origin" text NOT NULL,
	"discharge_id" text,
	"mdt_discussion_id" text,
	"is_follow_up" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"outcome" text,
	"completed_at" bigint,
	"completed_by_user_id" text,
	"escalated_at" bigint,
	"created_by_user_id" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"notification_id" text,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" bigint NOT NULL,
	"sent_at" bigint
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"read_at" bigint
);
--> statement-breakpoint
CREATE TABLE "named_contact_handoffs" (
	"id" text PRIMARY KEY NOT NULL,
	"patient_id" text NOT NULL,
	"from_user_id" text NOT NULL,
	"to_user_id" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" bigint NOT NULL,
	"decided_at" bigint
);
--> statement-breakpoint
CREATE TABLE "referral_outcome_reasons" (
	"id" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" text PRIMARY KEY NOT NULL,
	"patient_id" text NOT NULL,
	"service_id" text NOT NULL,
	"to_organisation_id" text NOT NULL,
	"from_user_id" text NOT NULL,
	"from_organisation_id" text,
	"reason" text NOT NULL,
	"urgency" text NOT NULL,
	"person_wants" text NOT NULL,
	"about_me_reused" boolean NOT NULL,
	"attachments" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"owner_user_id" text,
	"decline_reason" text,
	"outcome" text,
	"outcome_reason" text,
	"outcome_note" text,
	"cancel_reason" text,
	"target_at" bigint NOT NULL,
	"overdue_notified_at" bigint,
	"sent_at" bigint NOT NULL,
	"responded_at" bigint,
	"closed_at" bigint,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" text PRIMARY KEY NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"provider_name" text NOT NULL,
	"organisation_id" text,
	"category" text NOT NULL,
	"area" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"eligibility" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"target_urgent_hours" integer DEFAULT 4 NOT NULL,
	"target_soon_working_days" integer DEFAULT 2 NOT NULL,
	"target_routine_working_days" integer DEFAULT 10 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "break_glass_grants" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"patient_id" text NOT NULL,
	"reason" text NOT NULL,
	"granted_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"review_outcome" text,
	"review_note" text,
	"reviewed_by_user_id" text,
	"reviewed_at" bigint
);
--> statement-breakpoint
CREATE TABLE "wellbeing_scores" (
	"id" text PRIMARY KEY NOT NULL,
	"patient_id" text NOT NULL,
	"kind" text NOT NULL,
	"life_satisfaction" integer NOT NULL,
	"worthwhile" integer NOT NULL,
	"happiness" integer NOT NULL,
	"anxiety" integer NOT NULL,
	"answered_on" text NOT NULL,
	"recorded_by_user_id" text NOT NULL,
	"recorded_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mdt_chosen" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"patient_id" text NOT NULL,
	"chosen_by_user_id" text NOT NULL,
	"chosen_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mdt_discussions" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"patient_id" text NOT NULL,
	"note" text NOT NULL,
	"recorded_by_user_id" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mdt_meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"held_on" text NOT NULL,
	"attendees" text NOT NULL,
	"recorded_by_user_id" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kept_measures" (
	"scope_key" text NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"measure_id" text NOT NULL,
	"version" text NOT NULL,
	"computed_at" bigint NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "kept_measures_scope_key_period_from_period_to_measure_id_pk" PRIMARY KEY("scope_key","period_from","period_to","measure_id")
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_team_members" ADD CONSTRAINT "care_team_members_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_team_members" ADD CONSTRAINT "care_team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_team_members" ADD CONSTRAINT "care_team_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_registered_practice_id_organisations_id_fk" FOREIGN KEY ("registered_practice_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_caseload_organisation_id_organisations_id_fk" FOREIGN KEY ("caseload_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_named_contact_user_id_users_id_fk" FOREIGN KEY ("named_contact_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_invitations" ADD CONSTRAINT "carer_invitations_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_invitations" ADD CONSTRAINT "carer_invitations_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_invitations" ADD CONSTRAINT "carer_invitations_carer_user_id_users_id_fk" FOREIGN KEY ("carer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_links" ADD CONSTRAINT "carer_links_carer_user_id_users_id_fk" FOREIGN KEY ("carer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_links" ADD CONSTRAINT "carer_links_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharges" ADD CONSTRAINT "discharges_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharges" ADD CONSTRAINT "discharges_flagged_by_user_id_users_id_fk" FOREIGN KEY ("flagged_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharges" ADD CONSTRAINT "discharges_flagged_by_organisation_id_organisations_id_fk" FOREIGN KEY ("flagged_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharges" ADD CONSTRAINT "discharges_hospital_organisation_id_organisations_id_fk" FOREIGN KEY ("hospital_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharges" ADD CONSTRAINT "discharges_followed_up_by_user_id_users_id_fk" FOREIGN KEY ("followed_up_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_organisation_id_organisations_id_fk" FOREIGN KEY ("assignee_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_discharge_id_discharges_id_fk" FOREIGN KEY ("discharge_id") REFERENCES "public"."discharges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_completed_by_user_id_users_id_fk" FOREIGN KEY ("completed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "named_contact_handoffs" ADD CONSTRAINT "named_contact_handoffs_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "named_contact_handoffs" ADD CONSTRAINT "named_contact_handoffs_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "named_contact_handoffs" ADD CONSTRAINT "named_contact_handoffs_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_scores" ADD CONSTRAINT "wellbeing_scores_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_scores" ADD CONSTRAINT "wellbeing_scores_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdt_chosen" ADD CONSTRAINT "mdt_chosen_meeting_id_mdt_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."mdt_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdt_chosen" ADD CONSTRAINT "mdt_chosen_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdt_chosen" ADD CONSTRAINT "mdt_chosen_chosen_by_user_id_users_id_fk" FOREIGN KEY ("chosen_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdt_discussions" ADD CONSTRAINT "mdt_discussions_meeting_id_mdt_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."mdt_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdt_discussions" ADD CONSTRAINT "mdt_discussions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdt_discussions" ADD CONSTRAINT "mdt_discussions_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdt_meetings" ADD CONSTRAINT "mdt_meetings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdt_meetings" ADD CONSTRAINT "mdt_meetings_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_name_idx" ON "organisations" USING btree ("name");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_organisation_idx" ON "users" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "users_name_idx" ON "users" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "care_team_patient_idx" ON "care_team_members" USING btree ("patient_id","removed_at");--> statement-breakpoint
CREATE INDEX "care_team_user_idx" ON "care_team_members" USING btree ("user_id","removed_at");--> statement-breakpoint
CREATE INDEX "care_team_organisation_idx" ON "care_team_members" USING btree ("organisation_id","removed_at","patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "patients_nhs_number_unique" ON "patients" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "patients_named_contact_idx" ON "patients" USING btree ("named_contact_user_id","status");--> statement-breakpoint
CREATE INDEX "patients_caseload_idx" ON "patients" USING btree ("caseload_organisation_id","status");--> statement-breakpoint
CREATE INDEX "patients_practice_idx" ON "patients" USING btree ("registered_practice_id");--> statement-breakpoint
CREATE INDEX "patients_search_name_idx" ON "patients" USING btree ("search_name");--> statement-breakpoint
CREATE INDEX "patients_family_name_idx" ON "patients" USING btree ("family_name");--> statement-breakpoint
CREATE INDEX "patients_dob_idx" ON "patients" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "patients_mine_by_risk_idx" ON "patients" USING btree ("named_contact_user_id","status",((case "risk_level" when 'high' then 0 when 'medium' then 1 else 2 end) * 10000000000000 + (case when "last_contact_at" is null then 0 else "last_contact_at" end)),"id");--> statement-breakpoint
CREATE INDEX "patients_mine_by_contact_idx" ON "patients" USING btree ("named_contact_user_id","status",((case when "last_contact_at" is null then 0 else "last_contact_at" end) * 3 + (case "risk_level" when 'high' then 0 when 'medium' then 1 else 2 end)),"id");--> statement-breakpoint
CREATE INDEX "patients_team_by_risk_idx" ON "patients" USING btree ("caseload_organisation_id","status",((case "risk_level" when 'high' then 0 when 'medium' then 1 else 2 end) * 10000000000000 + (case when "last_contact_at" is null then 0 else "last_contact_at" end)),"id");--> statement-breakpoint
CREATE INDEX "patients_team_by_contact_idx" ON "patients" USING btree ("caseload_organisation_id","status",((case when "last_contact_at" is null then 0 else "last_contact_at" end) * 3 + (case "risk_level" when 'high' then 0 when 'medium' then 1 else 2 end)),"id");--> statement-breakpoint
CREATE INDEX "patients_mdt_idx" ON "patients" USING btree ("caseload_organisation_id","status","risk_level","last_contact_at","mdt_task_due_at","mdt_declined_at","mdt_referral_target_at","mdt_home_at","mdt_care_team_sectors","named_contact_user_id","id");--> statement-breakpoint
CREATE INDEX "consents_patient_purpose_idx" ON "consents" USING btree ("patient_id","purpose","decided_at");--> statement-breakpoint
CREATE INDEX "consents_patient_carer_idx" ON "consents" USING btree ("patient_id","carer_key","decided_at");--> statement-breakpoint
CREATE INDEX "timeline_patient_occurred_idx" ON "timeline_events" USING btree ("patient_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "timeline_amends_idx" ON "timeline_events" USING btree ("amends_event_id") WHERE "timeline_events"."amends_event_id" is not null;--> statement-breakpoint
CREATE INDEX "audit_patient_at_idx" ON "audit_log" USING btree ("patient_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_patient_org_at_idx" ON "audit_log" USING btree ("patient_id","organisation_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_user_at_idx" ON "audit_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "carer_invitations_token_idx" ON "carer_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "carer_invitations_patient_idx" ON "carer_invitations" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "carer_links_unique" ON "carer_links" USING btree ("carer_user_id","patient_id");--> statement-breakpoint
CREATE INDEX "carer_links_patient_idx" ON "carer_links" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "discharges_status_expected_idx" ON "discharges" USING btree ("status","expected_date","id");--> statement-breakpoint
CREATE INDEX "discharges_flagged_by_idx" ON "discharges" USING btree ("flagged_by_user_id","expected_date","id");--> statement-breakpoint
CREATE INDEX "discharges_patient_idx" ON "discharges" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "discharges_active_expected_idx" ON "discharges" USING btree ("expected_date","id") WHERE "discharges"."status" in ('flagged', 'planned', 'home');--> statement-breakpoint
CREATE INDEX "tasks_assignee_user_idx" ON "tasks" USING btree ("assignee_user_id","status","due_at");--> statement-breakpoint
CREATE INDEX "tasks_assignee_org_idx" ON "tasks" USING btree ("assignee_organisation_id","status","due_at");--> statement-breakpoint
CREATE INDEX "tasks_patient_idx" ON "tasks" USING btree ("patient_id","status","due_at");--> statement-breakpoint
CREATE INDEX "tasks_discharge_idx" ON "tasks" USING btree ("discharge_id","position");--> statement-breakpoint
CREATE INDEX "tasks_mdt_idx" ON "tasks" USING btree ("mdt_discussion_id");--> statement-breakpoint
CREATE INDEX "tasks_escalation_idx" ON "tasks" USING btree ("escalated_at","due_at");--> statement-breakpoint
CREATE INDEX "tasks_completed_by_idx" ON "tasks" USING btree ("completed_by_user_id","completed_at","id");--> statement-breakpoint
CREATE INDEX "tasks_mine_due_idx" ON "tasks" USING btree ("assignee_user_id",(case when "due_at" is null then 99999999999999 else "due_at" end),"id") WHERE "tasks"."status" in ('open', 'in_progress');--> statement-breakpoint
CREATE INDEX "tasks_team_queue_due_idx" ON "tasks" USING btree ("assignee_organisation_id",(case when "due_at" is null then 99999999999999 else "due_at" end),"id") WHERE "tasks"."status" in ('open', 'in_progress') and "tasks"."assignee_user_id" is null;--> statement-breakpoint
CREATE INDEX "email_outbox_unsent_idx" ON "email_outbox" USING btree ("sent_at","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id","read_at","created_at","id");--> statement-breakpoint
CREATE INDEX "handoffs_to_idx" ON "named_contact_handoffs" USING btree ("to_user_id","status");--> statement-breakpoint
CREATE INDEX "handoffs_patient_idx" ON "named_contact_handoffs" USING btree ("patient_id","status");--> statement-breakpoint
CREATE INDEX "referrals_to_org_idx" ON "referrals" USING btree ("to_organisation_id","status","target_at");--> statement-breakpoint
CREATE INDEX "referrals_inbox_idx" ON "referrals" USING btree ("to_organisation_id","status","sent_at","id");--> statement-breakpoint
CREATE INDEX "referrals_from_org_idx" ON "referrals" USING btree ("from_organisation_id","sent_at");--> statement-breakpoint
CREATE INDEX "referrals_from_user_idx" ON "referrals" USING btree ("from_user_id","sent_at");--> statement-breakpoint
CREATE INDEX "referrals_patient_idx" ON "referrals" USING btree ("patient_id","status");--> statement-breakpoint
CREATE INDEX "referrals_overdue_idx" ON "referrals" USING btree ("overdue_notified_at","status","target_at");--> statement-breakpoint
CREATE UNIQUE INDEX "services_external_id_unique" ON "services" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "services_name_idx" ON "services" USING btree ("name");--> statement-breakpoint
CREATE INDEX "services_category_idx" ON "services" USING btree ("category","name");--> statement-breakpoint
CREATE INDEX "break_glass_user_patient_idx" ON "break_glass_grants" USING btree ("user_id","patient_id","expires_at");--> statement-breakpoint
CREATE INDEX "break_glass_review_idx" ON "break_glass_grants" USING btree ("reviewed_at","granted_at");--> statement-breakpoint
CREATE INDEX "wellbeing_patient_idx" ON "wellbeing_scores" USING btree ("patient_id","answered_on");--> statement-breakpoint
CREATE UNIQUE INDEX "mdt_chosen_meeting_patient_idx" ON "mdt_chosen" USING btree ("meeting_id","patient_id");--> statement-breakpoint
CREATE INDEX "mdt_discussions_meeting_idx" ON "mdt_discussions" USING btree ("meeting_id","created_at");--> statement-breakpoint
CREATE INDEX "mdt_discussions_patient_idx" ON "mdt_discussions" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "mdt_meetings_org_idx" ON "mdt_meetings" USING btree ("organisation_id","held_on");--> statement-breakpoint
CREATE INDEX "kept_measures_computed_idx" ON "kept_measures" USING btree ("computed_at");