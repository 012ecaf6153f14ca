import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { testDb } from '../test/db';
import { failure, makeWorld, rowCounts } from '../test/world';
import { addDaysIso, todayInEngland } from './calendar/england-time';
import { ChangePasswordSchema } from './account/change-password';
import { CreateUserSchema } from './admin/create-user';
import { RecordConsentSchema } from './consent/record-consent';
import { RecordMeetingSchema } from './mdt/record-meeting';
import { CreateTaskSchema } from './tasks/create-task';
import { AddEntrySchema } from './timeline/add-entry';
import { parseForm } from './trpc/form-result';
import { RecordWellbeingSchema } from './wellbeing/record-wellbeing';

// #17 item 12: a form reports ALL its problems on the first submission, not some now and the rest
// after they are fixed. Cross-field checks run with ALL_AT_ONCE; date rules that need no database
// are part of the schema rather than a check in the use case after it.

const fieldsWithErrors = (schema: Parameters<typeof parseForm>[0], values: Record<string, string>) => {
  const parsed = parseForm(schema, values);
  return parsed.ok ? [] : Object.keys(parsed.result.fieldErrors ?? {}).sort();
};

const patientId = '00000000-0000-4000-8000-000000000001';
const tomorrow = () => addDaysIso(todayInEngland(), 1);

describe('every problem on the first submission (#17 item 12)', () => {
  it('a note: an empty note and a date in 1900 are both reported', () => {
    expect(fieldsWithErrors(AddEntrySchema, { patientId, type: 'note', text: '', occurredAt: '1900-01-01T09:00' })).toEqual([
      'occurredAt',
      'text',
    ]);
  });

  it('a contact: no way of contact and an empty note are both reported', () => {
    expect(fieldsWithErrors(AddEntrySchema, { patientId, type: 'contact', text: '', occurredAt: new Date().toISOString() })).toEqual([
      'contactMethod',
      'text',
    ]);
  });

  it('a consent decision: no carer’s name and no decision are both reported', () => {
    expect(
      fieldsWithErrors(RecordConsentSchema, { patientId, purpose: 'named_carer', method: 'verbal', decidedOn: todayInEngland() }),
    ).toEqual(['carerName', 'decision']);
  });

  it('a new user: a weak password and a missing role are both reported', () => {
    expect(
      fieldsWithErrors(CreateUserSchema, {
        name: 'Sam Patel',
        email: 'sam@example.nhs.uk',
        organisationId: patientId,
        password: 'password',
      }),
    ).toEqual(['password', 'role']);
  });

  it('changing a password: the two new ones differ and the current one is missing, both reported', () => {
    expect(
      fieldsWithErrors(ChangePasswordSchema, { currentPassword: '', newPassword: 'violet-harbour-kettle-57', confirmPassword: 'other' }),
    ).toEqual(['confirmPassword', 'currentPassword']);
  });

  it('a task: a due date in the past and no title are both reported', () => {
    expect(fieldsWithErrors(CreateTaskSchema, { patientId, title: '', assignee: 'team', dueDate: '2020-01-01' })).toEqual([
      'dueDate',
      'title',
    ]);
  });

  it('wellbeing scores: a date in the future and a missing score are both reported', () => {
    expect(
      fieldsWithErrors(RecordWellbeingSchema, {
        patientId,
        kind: 'baseline',
        lifeSatisfaction: '5',
        worthwhile: '5',
        happiness: '',
        anxiety: '5',
        answeredOn: tomorrow(),
      }),
    ).toEqual(['answeredOn', 'happiness']);
  });

  it('an MDT meeting: a date in the future and nobody listed are both reported', () => {
    expect(fieldsWithErrors(RecordMeetingSchema, { heldOn: tomorrow(), attendees: '' })).toEqual(['attendees', 'heldOn']);
  });

  it('every cross-field check on an object schema runs with ALL_AT_ONCE', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
      );
    const missing: string[] = [];
    let found = 0;
    for (const file of files(__dirname)) {
      const text = readFileSync(file, 'utf8');
      // An object's refinement: a line `})` closing z.object(...), then (after any comments) `.superRefine(` or `.refine(`.
      for (const match of text.matchAll(/\n[ \t]*\}\)[ \t]*\n(?:[ \t]*\/\/[^\n]*\n)*[ \t]*\.(superRefine|refine)\(/g)) {
        found++;
        let depth = 0;
        let end = match.index + match[0].length - 1;
        for (; end < text.length; end++) {
          if (text[end] === '(') depth++;
          if (text[end] === ')' && --depth === 0) break;
        }
        if (!/ALL_AT_ONCE\s*,?\s*$/.test(text.slice(match.index, end))) missing.push(relative(__dirname, file));
      }
    }
    expect(found).toBeGreaterThanOrEqual(6);
    expect(missing).toEqual([]);
  });
});

describe('a note or contact dated implausibly long ago (#17 item 13)', () => {
  let db: Db;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeEach(async () => {
    db = testDb();
    w = await makeWorld(db);
  });

  it('is refused naming the field, together with any other problem, and nothing is written', async () => {
    const before = await rowCounts(db);
    const error = await failure(
      w.navigator.caller.timeline.add({ patientId: w.patient.id, type: 'note', text: ' ', occurredAt: '1900-01-01T09:00' } as never),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/occurredAt: When it happened cannot be more than a year ago/);
    expect(error.message).toMatch(/text: Enter what happened/);
    expect(await rowCounts(db)).toEqual(before);
  });

  it('an appointment years ahead (a slip of the keyboard) is refused naming the field, nothing written', async () => {
    const before = await rowCounts(db);
    const error = await failure(
      w.navigator.caller.timeline.add({
        patientId: w.patient.id,
        type: 'appointment',
        text: 'Memory clinic',
        occurredAt: '2099-03-01T10:00',
      } as never),
    );
    expect(error.message).toMatch(/occurredAt: When it is: an appointment must be within the next two years/);
    expect(await rowCounts(db)).toEqual(before);
  });
});
