import type { ConsentPurpose } from '../../db/schema';
import type { Actor } from './actor';
import { can, type Permission } from './permissions';
import { checkSharing, type ConsentInForce } from './sharing-rules';

/** What the policy needs to know about one person and the actor's relationship to them. */
export type PatientFacts = {
  patientId: string;
  registeredPracticeId: string;
  caseloadOrganisationId: string;
  namedContactUserId: string | null;
  actorOnCareTeam: boolean;
  consents: Partial<Record<ConsentPurpose, ConsentInForce>>;
  /** Set when the request is about one discharge and the actor flagged it. */
  actorFlaggedThisDischarge?: boolean;
  /** Set when the actor has just given this person's exact NHS number and date of birth. */
  identityConfirmed?: boolean;
  /** The actor's organisation has an open referral or hand-off for this person (sent, accepted, in progress). */
  referralToActorTeam?: boolean;
  /** Set when the request is about a hand-over of named contact offered to the actor. */
  handoffOfferedToActor?: boolean;
};

export const ACCESS_RULES = [
  'named_contact',
  'caseload',
  'registered_practice',
  'care_team',
  'flagged_discharge',
  'identity_confirmed',
  'referral_to_team',
  'referral_received',
  'handoff_offered',
] as const;
export type AccessRule = (typeof ACCESS_RULES)[number];

export type AccessDecision =
  | { allowed: true; rule: AccessRule; explanation: string }
  | { allowed: false; rule: 'no_permission' | 'no_relationship' | 'sharing_not_allowed'; explanation: string };

const RULE_WORDS: Record<AccessRule, string> = {
  named_contact: 'you are this person’s named contact',
  caseload: 'this person is on your team’s caseload',
  registered_practice: 'this person is registered at your GP practice',
  care_team: 'you are on this person’s care team',
  flagged_discharge: 'you flagged this discharge',
  identity_confirmed: 'you gave this person’s NHS number and date of birth to flag their discharge',
  referral_to_team: 'your team has a referral for this person',
  referral_received: 'your team has a referral for this person (you see the referral, not the whole record)',
  handoff_offered: 'you have been asked to become this person’s named contact',
};

/**
 * Rules that reach only part of a record. Hospital staff confirm identity only to flag a discharge,
 * and afterwards see the discharge they flagged: never notes, timeline or anything else.
 */
const RULE_LIMITED_TO: Partial<Record<AccessRule, readonly Permission[]>> = {
  flagged_discharge: ['discharge.read'],
  identity_confirmed: ['discharge.flag'],
  // Housing and voluntary services receiving a referral see the referral, about me, the named
  // contact and the events on their referral: not clinical notes or the rest of the record.
  referral_received: ['referral.read', 'referral.work'],
  // Being asked to take a person on lets you answer the request; accepting it is what gives access.
  handoff_offered: ['handoff.respond'],
};

/** The relationship that links the actor to the person, in order of strength, if any. */
function relationship(actor: Actor, facts: PatientFacts): AccessRule | null {
  switch (actor.role) {
    case 'navigator':
      if (facts.namedContactUserId === actor.userId) return 'named_contact';
      if (facts.caseloadOrganisationId === actor.organisationId) return 'caseload';
      if (facts.actorOnCareTeam) return 'care_team';
      if (facts.referralToActorTeam) return 'referral_to_team';
      return facts.handoffOfferedToActor ? 'handoff_offered' : null;
    case 'gp_staff':
      if (facts.registeredPracticeId === actor.organisationId) return 'registered_practice';
      return facts.actorOnCareTeam ? 'care_team' : null;
    case 'social_worker':
      if (facts.namedContactUserId === actor.userId) return 'named_contact';
      if (facts.actorOnCareTeam) return 'care_team';
      // Adult social care works a referral for the person's direct care: the record, as DESIGN says.
      if (facts.referralToActorTeam) return 'referral_to_team';
      return facts.handoffOfferedToActor ? 'handoff_offered' : null;
    case 'service_worker':
      if (facts.actorOnCareTeam) return 'care_team';
      return facts.referralToActorTeam ? 'referral_received' : null;
    // Hospital staff reach a person through a discharge they flag or flagged (not the record).
    case 'hospital_staff':
      if (facts.actorFlaggedThisDischarge) return 'flagged_discharge';
      return facts.identityConfirmed ? 'identity_confirmed' : null;
    case 'carer':
    case 'admin':
    case 'system':
      return null;
  }
}

/**
 * The one decision on whether `actor` may do `permission` on a person's record: role permission,
 * then a relationship to the person, then the sharing rule for the actor's sector.
 */
export function decidePatientAccess(actor: Actor, facts: PatientFacts, permission: Permission): AccessDecision {
  if (!can(actor.role, permission)) {
    return {
      allowed: false,
      rule: 'no_permission',
      explanation:
        actor.role === 'admin'
          ? 'Administrators manage organisations and users and do not have access to people’s records.'
          : 'Your role does not allow this.',
    };
  }
  const rule = relationship(actor, facts);
  if (!rule || !(RULE_LIMITED_TO[rule]?.includes(permission) ?? true)) {
    return {
      allowed: false,
      rule: 'no_relationship',
      explanation: 'You are not involved in this person’s care: they are not on your caseload, at your practice or with your team.',
    };
  }
  // Every staff role except carers has an organisation; without one there is no sector to share with.
  if (!actor.sector) {
    return { allowed: false, rule: 'no_relationship', explanation: 'Your account is not linked to an organisation.' };
  }
  const sharing = checkSharing(actor.sector, facts.consents);
  if (!sharing.allowed) {
    return {
      allowed: false,
      rule: 'sharing_not_allowed',
      explanation: `You cannot see this record because ${sharing.because}.`,
    };
  }
  return {
    allowed: true,
    rule,
    explanation: `You can see this record because ${RULE_WORDS[rule]}, under the rule for ${sharing.because}.`,
  };
}
