CREATE TABLE "scheduled_runs" (
	"job" text NOT NULL,
	"tick" bigint NOT NULL,
	"claimed_by" text NOT NULL,
	"claimed_at" bigint NOT NULL,
	CONSTRAINT "scheduled_runs_job_tick_pk" PRIMARY KEY("job","tick")
);
