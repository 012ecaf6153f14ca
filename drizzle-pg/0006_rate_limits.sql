-- The sign-in and search limits shared by every carenav instance on this database (issue #19):
-- rate-limiter-flexible's RateLimiterPostgres keeps its counts here (server/rate-limit/limiter.ts),
-- in the table it would otherwise create itself (made here so that instances starting together do not
-- race to create it). PostgreSQL only: on SQLite one process serves the database (db/server-lock.ts)
-- and keeps the counts in memory. Counts only, keyed by a limiter's prefix and a user id, address or
-- subnet: nothing about a person's care.
CREATE TABLE "rate_limits" (
  "key" varchar(255) PRIMARY KEY,
  "points" integer NOT NULL DEFAULT 0,
  "expire" bigint
);
