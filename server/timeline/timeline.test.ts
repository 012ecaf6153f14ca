import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { timelineEvents } from '../../db/schema';
import type { Db } from '../../db/client';
import { insertTimelineEvent } from '../../db/factories';
import { testDb } from '../../test/db';
import { failure, makeWorld, rowCounts } from '../../test/world';

/**
 * Why a statement was refused: the database's own message (PostgreSQL's is the cause of drizzle's
 * "Failed query" error; SQLite's is the error's own message).
 */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ? `${String(error)}\n${cause.message}` : String(error);
  }
  throw new Error('expected the statement to be refused, but it succeeded');
}

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
});

describe('timeline', () => {
  it('adds a contact with the author’s sector and keeps the last-contact date on the record', async () => {
    const at = Date.now() - 3_600_000;
    await w.socialWorker.caller.timeline.add({
      patientId: w.patient.id,
      type: 'contact',
      contactMethod: 'home_visit',
      text: 'Visited',
      occurredAt: new Date(at).toISOString(),
    });
    const { items } = await w.navigator.caller.timeline.list({ patientId: w.patient.id });
    expect(items[0]).toMatchObject({ kind: 'contact', summary: 'Home visit', sector: 'social', authorName: 'Social S', body: 'Visited' });
    const summary = await w.navigator.caller.patients.get({ patientId: w.patient.id });
    expect(summary.patient.lastContactAt).toBe(at);
    // A contact from last week, recorded now, leaves the last contact where it was.
    await w.navigator.caller.timeline.add({
      patientId: w.patient.id,
      type: 'contact',
      contactMethod: 'phone_call',
      text: 'Late entry',
      occurredAt: at - 7 * 86_400_000,
    });
    expect((await w.navigator.caller.patients.get({ patientId: w.patient.id })).patient.lastContactAt).toBe(at);
  });

  it('refuses a contact without a method, a future time and an empty note, naming each field and writing nothing', async () => {
    const before = await rowCounts(db);
    const error = await failure(
      w.navigator.caller.timeline.add({
        patientId: w.patient.id,
        type: 'contact',
        text: '  ',
        occurredAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/text: Enter what happened/);
    expect(error.message).toMatch(/occurredAt: When it happened cannot be in the future/);
    expect(error.message).toMatch(/contactMethod: Choose how the contact happened/);
    expect(await rowCounts(db)).toEqual(before);
  });

  it('records an upcoming appointment only in the future, carer-visible only when ticked', async () => {
    const before = await rowCounts(db);
    const past = await failure(
      w.navigator.caller.timeline.add({
        patientId: w.patient.id,
        type: 'appointment',
        text: 'Memory clinic',
        occurredAt: Date.now() - 60_000,
      }),
    );
    expect(past.message).toMatch(/occurredAt: When it is: an appointment must be in the future/);
    expect(await rowCounts(db)).toEqual(before);
    await w.navigator.caller.timeline.add({
      patientId: w.patient.id,
      type: 'appointment',
      text: 'Memory clinic, St James’s',
      occurredAt: Date.now() + 86_400_000,
      carerVisible: true,
    });
    const [first] = (await w.navigator.caller.timeline.list({ patientId: w.patient.id })).items;
    expect(first).toMatchObject({ kind: 'appointment', summary: 'Appointment', body: 'Memory clinic, St James’s', carerVisible: true });
  });

  it('pages newest first by keyset, and filters by sector', async () => {
    const base = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 45; i++) {
      await insertTimelineEvent(db, {
        patientId: w.patient.id,
        actorUserId: w.navigator.row.id,
        sector: i % 3 === 0 ? 'housing' : 'primary',
        summary: `E${i}`,
        occurredAt: base + i * 1000,
      });
    }
    // Two events at the same moment must both appear exactly once across pages.
    await insertTimelineEvent(db, {
      patientId: w.patient.id,
      actorUserId: w.navigator.row.id,
      sector: 'primary',
      summary: 'Tie',
      occurredAt: base + 20 * 1000,
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await w.navigator.caller.timeline.list({ patientId: w.patient.id, cursor, limit: 20 });
      seen.push(...page.items.map((e) => e.summary));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(46);
    expect(new Set(seen).size).toBe(46);
    expect(seen[0]).toBe('E44');
    expect(seen.at(-1)).toBe('E0');
    const housing = await w.navigator.caller.timeline.list({ patientId: w.patient.id, sector: 'housing', limit: 100 });
    expect(housing.items).toHaveLength(15);
    expect(housing.items.every((e) => e.sector === 'housing')).toBe(true);
  });

  it('corrects an entry with a new linked event and never edits the original', async () => {
    const { id } = await w.navigator.caller.timeline.add({
      patientId: w.patient.id,
      type: 'note',
      text: 'Wrong ward',
      occurredAt: Date.now() - 1000,
    });
    await w.navigator.caller.timeline.amend({ patientId: w.patient.id, eventId: id, text: 'It was ward 12' });
    const { items } = await w.navigator.caller.timeline.list({ patientId: w.patient.id });
    const original = items.find((e) => e.id === id)!;
    expect(original.body).toBe('Wrong ward');
    expect(original.amendedBy).toHaveLength(1);
    expect(items.find((e) => e.kind === 'amendment')).toMatchObject({ amendsEventId: id, body: 'It was ward 12' });
  });

  it('cannot amend another person’s event through this person', async () => {
    const other = await w.navigator.caller.patients.create({
      nhsNumber: '9434765919',
      givenName: 'A',
      familyName: 'B',
      dateOfBirth: '1940-01-01',
      registeredPracticeId: w.orgs.practice.id,
    });
    const { id } = await w.navigator.caller.timeline.add({
      patientId: other.id,
      type: 'note',
      text: 'Theirs',
      occurredAt: Date.now() - 1000,
    });
    const error = await failure(w.navigator.caller.timeline.amend({ patientId: w.patient.id, eventId: id, text: 'x' }));
    expect(error.code).toBe('NOT_FOUND');
  });

  it('is append-only in the database itself', async () => {
    const e = await insertTimelineEvent(db, { patientId: w.patient.id, actorUserId: w.navigator.row.id, sector: 'primary' });
    expect(await refusal(db.update(timelineEvents).set({ body: 'edited' }).where(eq(timelineEvents.id, e.id)).run())).toMatch(
      /append-only/,
    );
    expect(await refusal(db.delete(timelineEvents).where(eq(timelineEvents.id, e.id)).run())).toMatch(/append-only/);
    await expect(db.run(sql`delete from audit_log`)).resolves.toBeDefined(); // empty table: nothing to reject
    await db.run(sql`insert into audit_log (id, at, action, outcome, rule) values ('a', 1, 'x', 'granted', '')`);
    expect(await refusal(db.run(sql`update audit_log set action = 'y'`))).toMatch(/append-only/);
    expect(await refusal(db.run(sql`delete from audit_log`))).toMatch(/append-only/);
    // PostgreSQL's TRUNCATE skips row triggers: a statement trigger refuses it (SQLite has no TRUNCATE).
    if (db.$engine === 'postgres') {
      expect(await refusal(db.run(sql`truncate audit_log`))).toMatch(/audit_log is append-only/);
      expect(await refusal(db.run(sql`truncate timeline_events cascade`))).toMatch(/timeline_events is append-only/);
    }
  });
});

describe('when a note or contact happened (pen test #16, finding 21)', () => {
  it('cannot be more than a year ago: refused naming the field, nothing written', async () => {
    const before = await rowCounts(db);
    for (const occurredAt of ['1900-01-01T09:00', Date.now() - 400 * 86_400_000]) {
      const old = await failure(
        w.navigator.caller.timeline.add({ patientId: w.patient.id, type: 'note', text: 'Back then', occurredAt } as never),
      );
      expect(old.code).toBe('BAD_REQUEST');
      expect(old.message).toMatch(/^occurredAt: When it happened cannot be more than a year ago/);
    }
    expect(await rowCounts(db)).toEqual(before);
    await w.navigator.caller.timeline.add({
      patientId: w.patient.id,
      type: 'contact',
      contactMethod: 'phone_call',
      text: 'Spoke to her in the spring',
      occurredAt: Date.now() - 300 * 86_400_000,
    } as never);
  });
});
