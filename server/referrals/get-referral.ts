import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { organisations, patients, referrals, services, timelineEvents, users } from '../../db/schema';
import { listOutcomeReasons } from './outcome-reasons';
import { NotFound } from '../errors';
import type { AccessDecision } from '../access/policy';
import { namedContactColumns, namedContactOrg, toNamedContact } from '../patients/named-contact';

const referrer = alias(users, 'referrer');
const owner = alias(users, 'owner');
const fromOrg = alias(organisations, 'from_org');
const toOrg = alias(organisations, 'to_org');
const author = alias(users, 'author');

/**
 * One referral as both sides see it: the referral, the person's own words ("about me"), their named
 * contact and how to reach them, and the events on this referral. Nothing else from the record: a
 * housing or voluntary team working a referral does not see clinical notes.
 */
export async function getReferral(db: Db, referralId: string) {
  const row = await db
    .select({
      referral: referrals,
      service: { id: services.id, name: services.name, contact: services.contact, category: services.category },
      person: {
        id: patients.id,
        givenName: patients.givenName,
        familyName: patients.familyName,
        nhsNumber: patients.nhsNumber,
        dateOfBirth: patients.dateOfBirth,
        phone: patients.phone,
        aboutWhatMatters: patients.aboutWhatMatters,
        aboutStrengths: patients.aboutStrengths,
        aboutEveryoneShouldKnow: patients.aboutEveryoneShouldKnow,
        communicationNeeds: patients.communicationNeeds,
      },
      referrerName: referrer.name,
      referrerPhone: referrer.phone,
      referrerEmail: referrer.email,
      fromOrganisationName: fromOrg.name,
      toOrganisationName: toOrg.name,
      ownerName: owner.name,
      ...namedContactColumns,
    })
    .from(referrals)
    .innerJoin(services, eq(referrals.serviceId, services.id))
    .innerJoin(patients, eq(referrals.patientId, patients.id))
    .innerJoin(referrer, eq(referrals.fromUserId, referrer.id))
    .innerJoin(toOrg, eq(referrals.toOrganisationId, toOrg.id))
    .leftJoin(fromOrg, eq(referrals.fromOrganisationId, fromOrg.id))
    .leftJoin(owner, eq(referrals.ownerUserId, owner.id))
    .leftJoin(users, eq(patients.namedContactUserId, users.id))
    .leftJoin(namedContactOrg, eq(users.organisationId, namedContactOrg.id))
    .where(eq(referrals.id, referralId))
    .get();
  if (!row) throw new NotFound('This referral does not exist.');
  const events = await db
    .select({
      id: timelineEvents.id,
      summary: timelineEvents.summary,
      body: timelineEvents.body,
      occurredAt: timelineEvents.occurredAt,
      authorName: author.name,
    })
    .from(timelineEvents)
    .innerJoin(author, eq(timelineEvents.actorUserId, author.id))
    .where(
      and(
        eq(timelineEvents.patientId, row.referral.patientId),
        eq(timelineEvents.subjectType, 'referral'),
        eq(timelineEvents.subjectId, referralId),
      ),
    )
    .orderBy(asc(timelineEvents.occurredAt), asc(timelineEvents.id))
    .all();
  const outcomeReasons = (await listOutcomeReasons(db)).map((r) => r.label);
  const { id, givenName, familyName, nhsNumber, dateOfBirth, ...about } = row.person;
  return {
    referral: row.referral,
    service: row.service,
    referrerName: row.referrerName,
    referrerPhone: row.referrerPhone,
    referrerEmail: row.referrerEmail,
    fromOrganisationName: row.fromOrganisationName,
    toOrganisationName: row.toOrganisationName,
    ownerName: row.ownerName,
    person: { id, givenName, familyName, nhsNumber, dateOfBirth },
    /** From the record, to work the referral: about me, how to reach the person and their named contact. */
    about: { ...about, namedContact: toNamedContact(row) } as AboutThePerson | null,
    events,
    outcomeReasons,
  };
}
type AboutThePerson = {
  phone: string;
  aboutWhatMatters: string;
  aboutStrengths: string;
  aboutEveryoneShouldKnow: string;
  communicationNeeds: string;
  namedContact: ReturnType<typeof toNamedContact>;
};
export type ReferralDetail = Awaited<ReturnType<typeof getReferral>>;

/**
 * The referral as the decision allows. Whoever looks back at a finished referral they worked
 * (`referral_handled`) gets the referral itself (what was asked, its outcome, its dates and events)
 * and who it is about: not about me, the person's phone or their named contact, which are the record's.
 */
export async function getReferralAsAllowed(db: Db, referralId: string, decision: AccessDecision) {
  const detail = await getReferral(db, referralId);
  return decision.rule === 'referral_handled'
    ? { ...detail, about: null, outcomeReasons: [], access: decision }
    : { ...detail, access: decision };
}
