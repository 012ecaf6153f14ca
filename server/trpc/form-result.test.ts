import { beforeEach, describe, expect, it } from 'vitest';
import { parseMoment, toWallTime } from '../calendar/england-time';
import { z } from 'zod';
import { TRPCError } from '@trpc/server';
import { Conflict } from '../errors';
import type { Db } from '../../db/client';
import { testDb } from '../../test/db';
import { failure, makeWorld, rowCounts } from '../../test/world';
import { parseForm, toFormResult } from './form-result';
import { AddEntrySchema } from '../timeline/add-entry';
import { CreatePatientSchema } from '../patients/create-patient';
import { UpdatePatientSchema } from '../patients/update-patient';
import { ChangeNamedContactSchema } from '../patients/change-named-contact';
import { FlagDischargeSchema } from '../discharges/flag-discharge';
import { ChangeDischargeStatusSchema } from '../discharges/change-discharge-status';
import { SetFollowUpWindowSchema } from '../discharges/checklist-template';
import { ListDischargesSchema } from '../discharges/list-discharges';
import { SaveServiceSchema } from '../directory/save-service';
import { RecordWellbeingSchema } from '../wellbeing/record-wellbeing';
import { RecordMeetingSchema } from '../mdt/record-meeting';
import { RecordDiscussionSchema } from '../mdt/record-discussion';
import { CreateUserSchema } from '../admin/create-user';
import { ChangePasswordSchema } from '../account/change-password';
import { RecordConsentSchema } from '../consent/record-consent';
import { CreateTaskSchema } from '../tasks/create-task';
import { MeasuresInputSchema } from '../metrics/measure-input';

/** A typed time a month ago: notes and contacts may be dated at most a year back. */
const RECENT = toWallTime(Date.now() - 30 * 86_400_000);

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('parseForm (form strings through the use case’s own schema)', () => {
  it('gives the procedure typed, converted input, which it accepts and records', async () => {
    const values = {
      patientId: w.patient.id,
      type: 'contact',
      contactMethod: 'phone_call',
      text: '  Rang Margaret about the keys  ',
      occurredAt: RECENT,
      carerVisible: 'on',
    };
    const parsed = parseForm(AddEntrySchema, values);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.result));
    expect(parsed.input).toMatchObject({ text: 'Rang Margaret about the keys', carerVisible: true });
    expect(parsed.input.occurredAt).toBe(parseMoment(RECENT));

    await w.navigator.caller.timeline.add(parsed.input);
    const { items } = await w.navigator.caller.timeline.list({ patientId: w.patient.id });
    expect(items.find((e) => e.body === 'Rang Margaret about the keys')).toMatchObject({
      carerVisible: true,
      occurredAt: parseMoment(RECENT),
    });
  });

  it('answers bad input with the same field errors the procedure gives, naming each field, before anything is written', async () => {
    const values = { patientId: w.patient.id, type: 'contact', contactMethod: '', text: '   ', occurredAt: 'yesterday', carerVisible: '' };
    const before = await rowCounts(db);
    const parsed = parseForm(AddEntrySchema, values);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.result).toMatchObject({ ok: false, message: 'There is a problem: check the fields marked below.', values });
    expect(parsed.result.fieldErrors).toMatchObject({
      text: ['Enter what happened'],
      occurredAt: ['Date and time must be a real date and time'],
    });
    expect(Object.keys(parsed.result.fieldErrors ?? {})).toContain('contactMethod');

    // What the form showed before the action parsed: the procedure's refusal of the same strings.
    const refused = toFormResult(await failure(w.navigator.caller.timeline.add(values as never)), values);
    expect(parsed.result.fieldErrors).toEqual(refused.fieldErrors);
    expect(await rowCounts(db)).toEqual(before);
  });

  // The procedure parses the input it is given again, so what a schema produces from form strings
  // must parse to itself. A transform that is not (a cursor decoded to an object) would not type
  // check as the procedure's input; this catches one that type checks but changes the value again.
  it.each<[string, z.ZodType, Record<string, unknown>]>([
    ['AddEntry', AddEntrySchema, { patientId: crypto.randomUUID(), type: 'note', text: ' Note ', occurredAt: RECENT, carerVisible: 'on' }],
    [
      'CreatePatient',
      CreatePatientSchema,
      {
        nhsNumber: '943 476 5919',
        givenName: ' Ada ',
        familyName: 'Lovelace',
        dateOfBirth: '1940-02-03',
        registeredPracticeId: crypto.randomUUID(),
        conditions: 'COPD\r\n\r\n  Diabetes  ',
        riskLevel: 'high',
      },
    ],
    [
      'UpdatePatient',
      UpdatePatientSchema,
      { patientId: crypto.randomUUID(), expectedVersion: '3', changes: { conditions: 'Asthma\nGout', postcode: ' LS1 4AP ' } },
    ],
    [
      'ChangeNamedContact',
      ChangeNamedContactSchema,
      { patientId: crypto.randomUUID(), expectedVersion: '2', namedContactUserId: crypto.randomUUID() },
    ],
    [
      'FlagDischarge',
      FlagDischargeSchema,
      {
        nhsNumber: '943-476-5919',
        dateOfBirth: '1940-02-03',
        flaggerContact: 'Bleep 123',
        hospital: 'St Elsewhere',
        expectedDate: day(2),
        pathway: '1',
        riskLevel: 'high',
        concern: 'Lives alone',
        ask: 'Visit within a day',
        careVisitsPerDay: '4',
        carerConsulted: 'no',
      },
    ],
    ['ChangeDischargeStatus', ChangeDischargeStatusSchema, { dischargeId: crypto.randomUUID(), to: 'home', homeAt: '2025-05-01T16:00' }],
    ['SetFollowUpWindow', SetFollowUpWindowSchema, { hours: ' 24 ' }],
    [
      'SaveService',
      SaveServiceSchema,
      { serviceId: '', name: 'Lunch club', providerName: 'Age UK', category: 'voluntary_community', targetUrgentHours: '6', active: 'on' },
    ],
    [
      'RecordWellbeing',
      RecordWellbeingSchema,
      {
        patientId: crypto.randomUUID(),
        kind: 'baseline',
        lifeSatisfaction: '7',
        worthwhile: '0',
        happiness: '10',
        anxiety: '3',
        answeredOn: day(-1),
      },
    ],
    ['RecordMeeting', RecordMeetingSchema, { heldOn: day(-1), attendees: 'Nadia\n\n Dr A ' }],
    [
      'RecordDiscussion',
      RecordDiscussionSchema,
      {
        patientId: crypto.randomUUID(),
        meetingId: crypto.randomUUID(),
        note: 'Discussed',
        actions: [{ title: ' Call ', assignee: '', dueDate: '' }],
      },
    ],
    [
      'CreateUser',
      CreateUserSchema,
      {
        name: 'Kim',
        email: ' Kim@Example.NHS.uk ',
        role: 'navigator',
        organisationId: crypto.randomUUID(),
        password: 'long enough password',
      },
    ],
    [
      'RecordConsent',
      RecordConsentSchema,
      { patientId: crypto.randomUUID(), purpose: 'housing', decision: 'granted', method: 'verbal', decidedOn: day(-1) },
    ],
    [
      'ChangePassword',
      ChangePasswordSchema,
      { currentPassword: 'demo-password', newPassword: 'plum orchard lantern', confirmPassword: 'plum orchard lantern' },
    ],
    ['CreateTask', CreateTaskSchema, { patientId: crypto.randomUUID(), title: ' Ring ', assignee: 'team', dueDate: '' }],
    ['MeasuresInput', MeasuresInputSchema, { from: '2025-01-01', to: '2025-03-31', scope: 'mine' }],
    ['ListDischarges (filters only)', ListDischargesSchema, { status: 'all', risk: '', from: '', to: day(10) }],
  ])('%s: its output parses to itself', (_name, schema, values) => {
    const once = schema.parse(values);
    expect(schema.parse(once)).toEqual(once);
  });
});

describe('what a form gets back', () => {
  it('never a password (#16 review: a temporary password must not travel back to the page)', () => {
    const typed = { name: 'Dr New', password: 'a long temporary password', confirmPassword: 'x', currentPassword: 'y' };
    const schema = z.object({ name: z.string().min(10, 'Name: too short') });
    const refused = parseForm(schema, typed);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.result.values).toEqual({ name: 'Dr New' });
    const conflict = toFormResult(new TRPCError({ code: 'CONFLICT', cause: new Conflict('Taken', { field: 'email' }) }), typed);
    expect(conflict.values).toEqual({ name: 'Dr New' });
  });
});
