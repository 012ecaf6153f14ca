import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { auditLog, services } from '../../db/schema';
import type { Db } from '../../db/client';
import { testDb } from '../../test/db';
import { failure, makeWorld } from '../../test/world';
import { importOrukFeed } from './import-oruk';

const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const SAMPLE = read('db/seed/directory-sample.json');
const HSDS_FULL = read('test/fixtures/oruk/hsds3-service-full.json');
const HSDS_PAGE = read('test/fixtures/oruk/hsds3-service-list-page.json');

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
});

describe('Open Referral UK import', () => {
  it('creates every service in our sample feed, then updates them by the feed’s id', async () => {
    const first = await importOrukFeed(db, w.admin.actor, SAMPLE);
    expect(first).toEqual({ created: 9, updated: 0, skipped: [] });
    const housing = (await db.select().from(services).where(eq(services.externalId, 'nsh-002')).get())!;
    // Quotation marks inside the phone number are cleaned away; the category comes from the taxonomy term.
    expect(housing).toMatchObject({
      name: 'Tenancy sustainment and home adaptations',
      category: 'housing',
      area: 'Riverside NS2 4DF',
      active: true,
    });
    expect(housing.contact).toContain('Phone 0113 496 0600 ·');
    expect((SAMPLE as { contents: { name: string }[] }).contents[0]!.name).toBe('Care Act assessment and support');
    expect((await db.select().from(services).where(eq(services.externalId, 'nsh-001')).get())!.category).toBe('adult_social_care');
    expect((await db.select().from(services).where(eq(services.externalId, 'nsh-004')).get())!.category).toBe('carers_support');

    const again = await importOrukFeed(db, w.admin.actor, SAMPLE);
    expect(again).toEqual({ created: 0, updated: 9, skipped: [] });
    expect(await db.select().from(services).all()).toHaveLength(9);
    const audited = await db.select().from(auditLog).where(eq(auditLog.userId, w.admin.row.id)).all();
    expect(audited.map((a) => a.reason)).toEqual([
      'Open Referral import: 9 created, 0 updated, 0 skipped',
      'Open Referral import: 0 created, 9 updated, 0 skipped',
    ]);
  });

  it('links a service to the carenav organisation of the same name, so referrals reach its inbox', async () => {
    await importOrukFeed(db, w.admin.actor, {
      contents: [
        { id: 'x-1', name: 'Housing help', organization: { name: 'housing' } },
        { id: 'x-2', name: 'Elsewhere', organization: { name: 'Not in carenav' } },
      ],
    });
    expect((await db.select().from(services).where(eq(services.externalId, 'x-1')).get())!.organisationId).toBe(w.orgs.housing.id);
    expect((await db.select().from(services).where(eq(services.externalId, 'x-2')).get())!.organisationId).toBeNull();
  });

  it('imports the published HSDS 3 examples, untidy phone number and all', async () => {
    expect(await importOrukFeed(db, w.admin.actor, HSDS_FULL)).toEqual({ created: 1, updated: 0, skipped: [] });
    const counselling = (await db.select().from(services).get())!;
    expect(counselling).toMatchObject({
      externalId: 'ac148810-d857-441c-9679-408f346de14b',
      name: 'Community Counselling',
      providerName: 'Example Organization Inc.',
      category: 'mental_health',
      area: 'MyCity ABC 1234',
    });
    expect(counselling.contact).toContain('Phone +44 1234 234567 ext. 100');
    expect(counselling.eligibility).toMatch(/aged 12 and over/);
    // The same service as one page of a /services response: updated by its id, not duplicated.
    expect(await importOrukFeed(db, w.admin.actor, HSDS_PAGE)).toEqual({ created: 0, updated: 1, skipped: [] });
    expect(await db.select().from(services).all()).toHaveLength(1);
  });

  it('skips malformed records with the reason for each, and imports the rest', async () => {
    const report = await importOrukFeed(db, w.admin.actor, [
      { id: 'ok-1', name: 'Good service', organization: { name: 'Provider' } },
      { name: 'No id', organization: { name: 'Provider' } },
      { id: 'no-name', organization: { name: 'Provider' } },
      { id: 'no-org', name: 'Orphan' },
      { id: 'long', name: 'x'.repeat(201), organization: { name: 'Provider' } },
      'not an object',
      { id: 'ok-1', name: 'Duplicate id', organization: { name: 'Provider' } },
    ]);
    expect(report.created).toBe(1);
    expect(report.skipped.map((r) => [r.index, r.id, r.name])).toEqual([
      [1, '', 'No id'],
      [2, 'no-name', ''],
      [3, 'no-org', 'Orphan'],
      [4, 'long', 'x'.repeat(200)],
      [5, '', ''],
      [6, 'ok-1', 'Duplicate id'],
    ]);
    const reasons = report.skipped.map((r) => r.reason);
    // In an administrator's words, naming the field: never "Invalid input: expected string, received undefined" (#17 item 12).
    expect(reasons).toEqual([
      'The service’s id is missing',
      'The service’s name is missing',
      'The organisation that runs it (“organization”) is missing',
      'The service’s name is longer than 200 characters',
      'It is not a service: each record must be an object with an id, a name and an organization',
      'The same id appears earlier in this file',
    ]);
    for (const reason of reasons) expect(reason).not.toMatch(/Invalid input|expected|received|undefined/);
  });

  it('names the field in words when a part of a record has the wrong shape (#17 item 12)', async () => {
    const report = await importOrukFeed(db, w.admin.actor, [
      { id: 'bad-phones', name: 'Bad phones', organization: { name: 'Provider' }, phones: 'call us' },
      { id: 'org-no-name', name: 'Org without a name', organization: {} },
      { id: 'name-number', name: 42, organization: { name: 'Provider' } },
    ]);
    expect(report.skipped.map((r) => r.reason)).toEqual([
      'The phone numbers should be a list',
      'The name of the organisation that runs it is missing',
      'The service’s name should be text',
    ]);
  });

  it('refuses a file that is not a services feed, writing nothing', async () => {
    const error = await failure(w.admin.caller.directory.importFeed({ feed: '{"hello": 1}' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/file: The file is not an Open Referral services feed/);
    const notJson = await failure(w.admin.caller.directory.importFeed({ feed: 'not json' }));
    expect(notJson.message).toMatch(/file: The file is not valid JSON/);
    expect(await db.select().from(services).all()).toEqual([]);
    expect((await failure(w.navigator.caller.directory.importFeed({ feed: '[]' }))).code).toBe('FORBIDDEN');
  });
});
