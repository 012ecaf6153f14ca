import { describe, expect, it } from 'vitest';
import { testDb } from '../../test/db';
import { discharges, patients, referrals, services } from '../schema';
import { seedDemo } from './demo';

// The demo people's given names, by how the demo writes about them.
const WOMEN = new Set(
  'Margaret Doris Patricia Joan Eileen Barbara Sheila Maureen Iris Gwen Hazel Pauline Irene Valerie Winifred Nirmala Olumide Agnieszka Beryl Sadia Edna'.split(
    ' ',
  ),
);
const HE = /\b(he|him|his|himself)\b/i;
const SHE = /\b(she|her|hers|herself)\b/i;

describe('demo data', async () => {
  const db = testDb();
  await seedDemo(db, Date.UTC(2026, 10, 30, 12));

  it('speaks of each person with the pronouns that fit them', async () => {
    const people = await db.select().from(patients).all();
    const texts = new Map(people.map((p) => [p.id, [p.aboutStrengths, p.aboutWhatMatters, p.aboutEveryoneShouldKnow]]));
    for (const d of await db.select().from(discharges).all()) texts.get(d.patientId)?.push(d.concern, d.ask);
    for (const r of await db.select().from(referrals).all()) texts.get(r.patientId)?.push(r.reason);
    const wrong: string[] = [];
    for (const p of people) {
      const mismatch = WOMEN.has(p.givenName) ? HE : SHE;
      for (const text of texts.get(p.id) ?? []) if (mismatch.test(text)) wrong.push(`${p.givenName} ${p.familyName}: ${text}`);
    }
    expect(wrong).toEqual([]);
  });

  it('has only believable Northshire services, no placeholder organisations', async () => {
    const names = await db.select({ name: services.name, provider: services.providerName }).from(services).all();
    expect(names.length).toBeGreaterThan(0);
    for (const s of names) expect(`${s.name} ${s.provider}`).not.toMatch(/example|inc\.|lorem|test/i);
  });
});
