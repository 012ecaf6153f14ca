import type { ConsentPurpose } from '../../db/schema';
import type { Actor } from './actor';
import { can, type Permission } from './permissions';
import { checkSharing, type ConsentInForce } from './sharing-rules';
import { formatDay, formatMoment } from '../calendar/england-time';

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
  /** Set when the request is about one referral: whether it was sent to the actor's organisation. */
  referralToActorOrganisation?: boolean;
  /** Set when the request is about one referral: it is no longer open (completed, declined or cancelled). */
  referralClosed?: boolean;
  /**
   * Set when the request is about one referral: it is finished (completed or declined) and the actor
   * worked it for the receiving team (picked it up, or completed or declined it).
   */
  referralHandledByActor?: boolean;
  /** Set when the request is about a hand-over of named contact offered to the actor. */
  handoffOfferedToActor?: boolean;
  /**
   * For a carer: the person's decision in force about sharing with the carer named on their link
   * (null when linked with no decision recorded; absent when not linked at all).
   */
  carerConsent?: ConsentInForce | null;
  /** Emergency access the actor holds for this person right now, if any. */
  breakGlass?: { until: number; reason: string } | null;
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
  'referral_handled',
  'handoff_offered',
  'carer_consent',
  'break_glass',
] as const;
export type AccessRule = (typeof ACCESS_RULES)[number];

export type AccessDecision =
  | { allowed: true; rule: AccessRule; explanation: string; breakGlass?: { until: number; reason: string } }
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
  referral_handled:
    'you worked on this referral for your team (now it is finished you can look back at it, not change it, and not see the rest of the record)',
  handoff_offered: 'you have been asked to become this person’s named contact',
  carer_consent: 'they agreed to share with you',
  break_glass: 'you used emergency access',
};

/** Why emergency access does not allow a change: it is for reading the record and noting what was done. */
export const BREAK_GLASS_READ_ONLY =
  'You have emergency access, which lets you read this record and add a note of what you did, not change it. Ask the person’s named contact or care team to make this change.';

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
  // A referral the actor worked, once finished: looking back at that referral only, read-only.
  referral_handled: ['referral.read'],
  // Being asked to take a person on lets you answer the request; accepting it is what gives access.
  handoff_offered: ['handoff.respond'],
  // A carer sees the carer summary and who has seen the record, and sends updates: nothing else.
  carer_consent: ['carer.summary', 'carer.update', 'carer.accessLog'],
  // Emergency access is to read the record and write down what was done: not to change it.
  break_glass: ['patient.read', 'discharge.read', 'referral.read', 'timeline.write'],
};

/**
 * Permissions that make a lasting link to the person (a place on the care team, the named contact)
 * and rules that end on their own (a referral, emergency access, a discharge, an offer). A temporary
 * rule never gives these: otherwise whoever holds it could keep the record after it ends.
 */
const LASTING: readonly Permission[] = ['careTeam.edit', 'patient.assignNamedContact', 'handoff.offer'];
const TEMPORARY: readonly AccessRule[] = [
  'referral_to_team',
  'referral_received',
  'referral_handled',
  'break_glass',
  'flagged_discharge',
  'identity_confirmed',
  'handoff_offered',
];

const allows = (rule: AccessRule, permission: Permission) =>
  !(TEMPORARY.includes(rule) && LASTING.includes(permission)) && (RULE_LIMITED_TO[rule]?.includes(permission) ?? true);

/**
 * Rules that reach only some objects. A team that receives a referral sees the referrals sent to
 * it: never the person's other referrals (to other organisations, or closed) nor their entries.
 */
function reachesObject(rule: AccessRule, facts: PatientFacts): boolean {
  // Only a request about one referral sent to the actor's organisation; anything else is the record.
  if (rule === 'referral_received') return facts.referralToActorOrganisation === true && facts.referralClosed !== true;
  // Only set on a request about the one finished referral the actor worked.
  if (rule === 'referral_handled') return facts.referralHandledByActor === true;
  return true;
}

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
      return facts.carerConsent?.decision === 'granted' ? 'carer_consent' : null;
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
  const related = relationship(actor, facts);
  // With no relationship that allows this, a finished referral the actor worked may (that referral,
  // read-only), and otherwise emergency access the actor holds.
  const rule =
    related && allows(related, permission) && reachesObject(related, facts)
      ? related
      : allows('referral_handled', permission) && reachesObject('referral_handled', facts)
        ? 'referral_handled'
        : facts.breakGlass && can(actor.role, 'patient.breakGlass') && allows('break_glass', permission)
          ? 'break_glass'
          : null;
  if (actor.role === 'carer') return decideForCarer(facts, rule);
  if (!rule && facts.referralHandledByActor) {
    return {
      allowed: false,
      rule: 'no_relationship',
      explanation: 'This referral is finished: you can look back at it, but it cannot be changed any more.',
    };
  }
  if (!rule && related === 'referral_received' && allows(related, permission)) {
    return {
      allowed: false,
      rule: 'no_relationship',
      explanation:
        facts.referralToActorOrganisation && facts.referralClosed
          ? 'This referral is closed: only whoever worked it can look back at it. Your team sees the referrals that are open.'
          : 'This referral was sent to another organisation: your team sees only the referrals sent to it.',
    };
  }
  if (!rule && related && TEMPORARY.includes(related) && LASTING.includes(permission)) {
    return {
      allowed: false,
      rule: 'no_relationship',
      explanation: `You can see this record because ${RULE_WORDS[related]}, but that ends when the referral or request does: ask the person’s named contact or care team to change who is on the care team or who is the named contact.`,
    };
  }
  if (!rule && facts.breakGlass && !related && can(actor.role, 'patient.breakGlass')) {
    return {
      allowed: false,
      rule: 'no_relationship',
      explanation: BREAK_GLASS_READ_ONLY,
    };
  }
  if (!rule) {
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
  if (rule === 'break_glass' && facts.breakGlass) {
    const { until, reason } = facts.breakGlass;
    return {
      allowed: true,
      rule,
      breakGlass: facts.breakGlass,
      explanation: `You can see this record because you used emergency access (break glass) until ${formatMoment(until)}, giving the reason “${reason}”. Everything you open is recorded and will be reviewed.`,
    };
  }
  return {
    allowed: true,
    rule,
    explanation: `You can see this record because ${RULE_WORDS[rule]}, under the rule for ${sharing.because}.`,
  };
}

/** A carer's access rests on one thing: the person's consent to share with them, in force now. */
function decideForCarer(facts: PatientFacts, rule: AccessRule | null): AccessDecision {
  const consent = facts.carerConsent;
  if (rule === 'carer_consent' && consent) {
    return {
      allowed: true,
      rule,
      explanation: `You can see this because consent to share with you was given on ${formatDay(consent.decidedAt)}.`,
    };
  }
  return {
    allowed: false,
    rule: consent ? 'sharing_not_allowed' : 'no_relationship',
    explanation: consent
      ? `You cannot see this because consent to share with you was ${consent.decision} on ${formatDay(consent.decidedAt)}.`
      : 'You are not linked as a carer for this person, or they have not agreed to share with you.',
  };
}

/** Who holds a task: a user, a team's queue, or both (a team member who picked it up). */
export type TaskOwnership = { assigneeUserId: string | null; assigneeOrganisationId: string | null };

/**
 * Per object: a task is changed (done, cancelled) only by the person who has it or anyone in the
 * team whose it is, covering for them; being on the person's care team is not enough, because the
 * work belongs to that team (a discharge checklist, an MDT action).
 */
export function mayChangeTask(actor: Actor, task: TaskOwnership): boolean {
  return task.assigneeUserId === actor.userId || (!!actor.organisationId && task.assigneeOrganisationId === actor.organisationId);
}
