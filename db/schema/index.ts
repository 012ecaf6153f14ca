import { desc } from 'drizzle-orm';
import { configuredEngine } from '../engine';
import * as pg from '../schema-pg';
import * as sqlite from './sqlite';

/**
 * The tables the domain queries, from the engine this process serves (db/engine.ts): the SQLite
 * tree (db/schema/*.ts) or its PostgreSQL twin (db/schema-pg/), which db/schema-agreement.test.ts
 * keeps in step. The types are the SQLite tree's on both engines: the use cases are one code path,
 * written once, and the whole integration suite runs on PostgreSQL too (`npm run test:postgres`),
 * which is what proves a query means the same there (docs/decisions/019-postgresql-beside-sqlite.md).
 * Constants and helpers that are not tables are the same on both and come from the SQLite tree.
 */
export * from './sqlite';

const tables = (configuredEngine() === 'postgres' ? pg : sqlite) as unknown as typeof sqlite;

export const organisations = tables.organisations;
export const sessions = tables.sessions;
export const signInFailures = tables.signInFailures;
export const users = tables.users;
export const careTeamMembers = tables.careTeamMembers;
export const patients = tables.patients;
export const consents = tables.consents;
export const timelineEvents = tables.timelineEvents;
export const auditLog = tables.auditLog;
export const carerInvitations = tables.carerInvitations;
export const carerLinks = tables.carerLinks;
export const checklistItems = tables.checklistItems;
export const discharges = tables.discharges;
export const tasks = tables.tasks;
export const emailOutbox = tables.emailOutbox;
export const notifications = tables.notifications;
export const namedContactHandoffs = tables.namedContactHandoffs;
export const referralOutcomeReasons = tables.referralOutcomeReasons;
export const referrals = tables.referrals;
export const services = tables.services;
export const breakGlassGrants = tables.breakGlassGrants;
export const wellbeingScores = tables.wellbeingScores;
export const mdtChosen = tables.mdtChosen;
export const mdtDiscussions = tables.mdtDiscussions;
export const mdtMeetings = tables.mdtMeetings;
export const keptMeasures = tables.keptMeasures;
export const scheduledRuns = tables.scheduledRuns;

/**
 * A person's consent decisions, newest first: by when decided, then when recorded. On SQLite a tie
 * within the same millisecond goes to the row inserted last (rowid); PostgreSQL has no insertion
 * order, so there the tie goes to the id, which is time-ordered (server/ids.ts newDecisionId).
 */
export const NEWEST_DECISION_FIRST =
  configuredEngine() === 'postgres'
    ? [desc(consents.decidedAt), desc(consents.recordedAt), desc(consents.id)]
    : sqlite.NEWEST_DECISION_FIRST;
