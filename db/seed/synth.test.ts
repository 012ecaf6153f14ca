import { describe, expect, it } from 'vitest';
import { testDb } from '../../test/db';
import { tableChecksums } from '../../test/world';
import { REFERRAL_STATUSES, DISCHARGE_STATUSES } from '../schema';
import { synthesize, DEFAULT_UNTIL, SYNTHETIC_MARKER_TABLE } from './synth';

const PEOPLE = 400;

function synth(seed: number) {
  const db = testDb();
  const counts = synthesize(db, { people: PEOPLE, seed });
  return { db, counts };
}

describe('db:synth', () => {
  const first = synth(42);

  it('gives the same data for the same seed, and different data for another', async () => {
    const again = synth(42);
    const other = synth(43);
    const all = await tableChecksums(first.db, []);
    expect(await tableChecksums(again.db, [])).toEqual(all);
    expect(again.counts).toEqual(first.counts);
    expect((await tableChecksums(other.db, [])).patients).not.toBe(all.patients);
    // Two more databases to fill, each row through its triggers (the MDT signals among them).
  }, 30_000);

  it('writes consistent rows: every reference resolves and the database is sound', () => {
    const sqlite = first.db.$client;
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.prepare(`select seed, people from ${SYNTHETIC_MARKER_TABLE}`).get()).toEqual({ seed: 42, people: PEOPLE });
    // Every timeline event has its audit row, as every write in carenav does.
    expect(first.counts.audit_log).toBeGreaterThanOrEqual(first.counts.timeline_events!);
  });

  it('has believable distributions: ages 65–100, 2–6 conditions, every status, long timelines', () => {
    const sqlite = first.db.$client;
    const until = new Date(DEFAULT_UNTIL).toISOString().slice(0, 10);
    // Calendar ages (someone born 65 years ago today is 65): none under 65, none 101 or over.
    const ages = sqlite
      .prepare(
        `select sum(date_of_birth > date(@until, '-65 years')) under, sum(date_of_birth <= date(@until, '-101 years')) over from patients`,
      )
      .get({ until }) as { under: number; over: number };
    expect(ages).toEqual({ under: 0, over: 0 });
    const conditions = sqlite
      .prepare('select min(json_array_length(conditions)) lo, max(json_array_length(conditions)) hi from patients')
      .get();
    expect(conditions).toEqual({ lo: 2, hi: 6 });
    const referralStatuses = sqlite.prepare('select distinct status from referrals order by status').pluck().all();
    expect(referralStatuses).toEqual([...REFERRAL_STATUSES].sort());
    const dischargeStatuses = sqlite.prepare('select distinct status from discharges').pluck().all();
    expect(new Set(dischargeStatuses).size).toBeGreaterThanOrEqual(DISCHARGE_STATUSES.length - 1);
    const risks = sqlite.prepare('select distinct risk_level from patients order by 1').pluck().all();
    expect(risks).toEqual(['high', 'low', 'medium']);
    // Three years of history, ending at the fixed end date (never the clock).
    const span = sqlite.prepare('select min(occurred_at) lo, max(occurred_at) hi from timeline_events').get() as { lo: number; hi: number };
    expect(span.hi).toBeLessThanOrEqual(DEFAULT_UNTIL + 30 * 86_400_000);
    expect((span.hi - span.lo) / (365 * 86_400_000)).toBeGreaterThan(2.9);
    // The heaviest timeline is far longer than the typical one.
    const longest = sqlite
      .prepare('select count(*) n from timeline_events group by patient_id order by n desc limit 1')
      .pluck()
      .get() as number;
    const typical = first.counts.timeline_events! / PEOPLE;
    expect(longest).toBeGreaterThan(10 * typical);
  });

  it('marks overdue history as already flagged, so the scheduler does not replay three years at start-up', () => {
    const sqlite = first.db.$client;
    const unflagged = sqlite
      .prepare("select count(*) from referrals where status = 'sent' and target_at < ? and overdue_notified_at is null")
      .pluck()
      .get(DEFAULT_UNTIL);
    expect(unflagged).toBe(0);
    const unescalated = sqlite
      .prepare("select count(*) from tasks where status in ('open', 'in_progress') and due_at < ? and escalated_at is null")
      .pluck()
      .get(DEFAULT_UNTIL);
    expect(unescalated).toBe(0);
  });
});

describe('db:synth referrals and consent', () => {
  it('sends a referral to housing or a voluntary service only with consent to share in force when it was sent, as carenav does (some withdrawn later)', () => {
    const { db } = synth(7);
    const sqlite = db.$client;
    const referralsNeedingConsent = sqlite
      .prepare(
        `select r.id, r.patient_id, r.sent_at, case o.sector when 'housing' then 'housing' else 'voluntary_services' end as purpose
         from referrals r join organisations o on o.id = r.to_organisation_id where o.sector in ('housing', 'voluntary')`,
      )
      .all() as { id: string; patient_id: string; sent_at: number; purpose: string }[];
    expect(referralsNeedingConsent.length).toBeGreaterThan(50);
    const inForce = sqlite.prepare(
      `select decision from consents where patient_id = ? and purpose = ? and decided_at <= ? order by decided_at desc, recorded_at desc limit 1`,
    );
    const missing = referralsNeedingConsent.filter((r) => inForce.get(r.patient_id, r.purpose, r.sent_at) === undefined);
    expect(missing).toEqual([]);
    const notGranted = referralsNeedingConsent.filter(
      (r) => (inForce.get(r.patient_id, r.purpose, r.sent_at) as { decision: string }).decision !== 'granted',
    );
    // A later decision drawn at random may land at the same moment; nearly all were sent on a grant.
    expect(notGranted.length).toBeLessThan(referralsNeedingConsent.length * 0.1);
  });
});
