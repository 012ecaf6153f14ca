import { describe, expect, it } from 'vitest';
import type { ConsentPurpose, OrganisationSector, Role } from '../../db/schema';
import type { Actor } from './actor';
import { ROLE_PERMISSIONS } from './permissions';
import { decidePatientAccess, type PatientFacts } from './policy';
import type { ConsentInForce } from './sharing-rules';

const PRACTICE = 'practice-1';
const NAV_TEAM = 'nav-team-1';
const ME = 'user-me';

type Relationship =
  'none' | 'named_contact' | 'caseload' | 'registered_practice' | 'care_team' | 'flagged_discharge' | 'identity_confirmed';
type ConsentState = 'none' | 'granted' | 'refused' | 'withdrawn';

const SECTOR: Record<Role, OrganisationSector | null> = {
  navigator: 'primary',
  gp_staff: 'primary',
  hospital_staff: 'secondary',
  social_worker: 'social',
  service_worker: 'housing',
  carer: null,
  admin: 'primary',
  system: null,
};

function actorFor(role: Role, sector = SECTOR[role]): Actor {
  const organisationId = role === 'navigator' ? NAV_TEAM : role === 'gp_staff' ? PRACTICE : `${role}-org`;
  return { userId: ME, name: 'Me', role, organisationId: role === 'carer' ? null : organisationId, sector };
}

function factsFor(relationship: Relationship, consents: Partial<Record<ConsentPurpose, ConsentInForce>> = {}): PatientFacts {
  return {
    patientId: 'p1',
    registeredPracticeId: relationship === 'registered_practice' ? PRACTICE : 'other-practice',
    caseloadOrganisationId: relationship === 'caseload' ? NAV_TEAM : 'other-team',
    namedContactUserId: relationship === 'named_contact' ? ME : 'someone-else',
    actorOnCareTeam: relationship === 'care_team',
    actorFlaggedThisDischarge: relationship === 'flagged_discharge',
    identityConfirmed: relationship === 'identity_confirmed',
    consents,
  };
}

const consent = (purpose: ConsentPurpose, state: ConsentState): Partial<Record<ConsentPurpose, ConsentInForce>> =>
  state === 'none' ? {} : { [purpose]: { decision: state, decidedAt: Date.UTC(2026, 2, 1) } };

/**
 * The expected answer for every role × relationship (with no consent recorded), written out by hand
 * from DESIGN.md "Access rules". true = may read the record.
 */
const EXPECTED_READ: Record<Role, Record<Relationship, boolean>> = {
  navigator: {
    none: false,
    named_contact: true,
    caseload: true,
    registered_practice: false,
    care_team: true,
    flagged_discharge: false,
    identity_confirmed: false,
  },
  gp_staff: {
    none: false,
    named_contact: false,
    caseload: false,
    registered_practice: true,
    care_team: true,
    flagged_discharge: false,
    identity_confirmed: false,
  },
  // Hospital staff never read the record itself, even for a discharge they flagged.
  hospital_staff: {
    none: false,
    named_contact: false,
    caseload: false,
    registered_practice: false,
    care_team: false,
    flagged_discharge: false,
    identity_confirmed: false,
  },
  // Social care: implied consent for direct care, so with no decision recorded a care-team member may read.
  social_worker: {
    none: false,
    named_contact: true,
    caseload: false,
    registered_practice: false,
    care_team: true,
    flagged_discharge: false,
    identity_confirmed: false,
  },
  // Housing: explicit consent needed, so with nothing recorded, not even the care team may read.
  service_worker: {
    none: false,
    named_contact: false,
    caseload: false,
    registered_practice: false,
    care_team: false,
    flagged_discharge: false,
    identity_confirmed: false,
  },
  carer: {
    none: false,
    named_contact: false,
    caseload: false,
    registered_practice: false,
    care_team: false,
    flagged_discharge: false,
    identity_confirmed: false,
  },
  admin: {
    none: false,
    named_contact: false,
    caseload: false,
    registered_practice: false,
    care_team: false,
    flagged_discharge: false,
    identity_confirmed: false,
  },
  system: {
    none: false,
    named_contact: false,
    caseload: false,
    registered_practice: false,
    care_team: false,
    flagged_discharge: false,
    identity_confirmed: false,
  },
};

/** Hospital staff: what each of their two relationships reaches, permission by permission. */
const HOSPITAL_EXPECTED: Record<
  'discharge.flag' | 'discharge.read' | 'discharge.manage' | 'patient.read' | 'task.work' | 'timeline.write',
  Record<Relationship, boolean>
> = {
  'discharge.flag': {
    none: false,
    named_contact: false,
    caseload: false,
    registered_practice: false,
    care_team: false,
    flagged_discharge: false,
    identity_confirmed: true,
  },
  'discharge.read': {
    none: false,
    named_contact: false,
    caseload: false,
    registered_practice: false,
    care_team: false,
    flagged_discharge: true,
    identity_confirmed: false,
  },
  'discharge.manage': {
    none: false,
    named_contact: false,
    caseload: false,
    registered_practice: false,
    care_team: false,
    flagged_discharge: false,
    identity_confirmed: false,
  },
  'patient.read': {
    none: false,
    named_contact: false,
    caseload: false,
    registered_practice: false,
    care_team: false,
    flagged_discharge: false,
    identity_confirmed: false,
  },
  'task.work': {
    none: false,
    named_contact: false,
    caseload: false,
    registered_practice: false,
    care_team: false,
    flagged_discharge: false,
    identity_confirmed: false,
  },
  'timeline.write': {
    none: false,
    named_contact: false,
    caseload: false,
    registered_practice: false,
    care_team: false,
    flagged_discharge: false,
    identity_confirmed: false,
  },
};

describe('access policy: hospital staff reach only the discharge, never the record', () => {
  for (const [permission, byRelationship] of Object.entries(HOSPITAL_EXPECTED) as [
    keyof typeof HOSPITAL_EXPECTED,
    Record<Relationship, boolean>,
  ][]) {
    for (const [relationship, allowed] of Object.entries(byRelationship) as [Relationship, boolean][]) {
      it(`hospital_staff ${permission} with "${relationship}" → ${allowed ? 'allowed' : 'denied'}`, () => {
        expect(decidePatientAccess(actorFor('hospital_staff'), factsFor(relationship), permission).allowed).toBe(allowed);
      });
    }
  }

  it('a navigator or GP who flagged a discharge reads it through their usual relationship', () => {
    expect(decidePatientAccess(actorFor('navigator'), factsFor('caseload'), 'discharge.read').allowed).toBe(true);
    expect(decidePatientAccess(actorFor('gp_staff'), factsFor('registered_practice'), 'discharge.flag').allowed).toBe(true);
    // A GP cannot flag for someone registered elsewhere just by knowing their NHS number.
    expect(decidePatientAccess(actorFor('gp_staff'), factsFor('identity_confirmed'), 'discharge.flag').allowed).toBe(false);
  });
});

describe('access policy: role × relationship (no consent recorded)', () => {
  for (const [role, byRelationship] of Object.entries(EXPECTED_READ) as [Role, Record<Relationship, boolean>][]) {
    for (const [relationship, allowed] of Object.entries(byRelationship) as [Relationship, boolean][]) {
      it(`${role} with relationship "${relationship}" → ${allowed ? 'allowed' : 'denied'}`, () => {
        const decision = decidePatientAccess(actorFor(role), factsFor(relationship), 'patient.read');
        expect(decision.allowed).toBe(allowed);
        expect(decision.explanation.length).toBeGreaterThan(10);
      });
    }
  }
});

describe('access policy: sharing rules by consent state', () => {
  const states: ConsentState[] = ['none', 'granted', 'refused', 'withdrawn'];

  it.each(states)('adult social care on the care team, social care decision "%s"', (state) => {
    const decision = decidePatientAccess(
      actorFor('social_worker'),
      factsFor('care_team', consent('adult_social_care', state)),
      'patient.read',
    );
    // Implied consent: allowed unless the person objected (refused) or withdrew.
    expect(decision.allowed).toBe(state === 'none' || state === 'granted');
    if (!decision.allowed) expect(decision.explanation).toMatch(/objected to sharing with adult social care/);
  });

  it.each(states)('housing worker on the care team, housing decision "%s"', (state) => {
    const decision = decidePatientAccess(
      actorFor('service_worker', 'housing'),
      factsFor('care_team', consent('housing', state)),
      'patient.read',
    );
    expect(decision.allowed).toBe(state === 'granted');
    if (decision.allowed) expect(decision.explanation).toMatch(/consent to share with housing given on 1 March 2026/);
  });

  it.each(states)('voluntary worker on the care team, voluntary decision "%s"', (state) => {
    const decision = decidePatientAccess(
      actorFor('service_worker', 'voluntary'),
      factsFor('care_team', consent('voluntary_services', state)),
      'patient.read',
    );
    expect(decision.allowed).toBe(state === 'granted');
  });

  it('housing consent does not open the record to a voluntary service', () => {
    const decision = decidePatientAccess(
      actorFor('service_worker', 'voluntary'),
      factsFor('care_team', consent('housing', 'granted')),
      'patient.read',
    );
    expect(decision.allowed).toBe(false);
  });

  it.each(states)('community health worker on the care team shares for direct care whatever "%s"', (state) => {
    const decision = decidePatientAccess(
      actorFor('service_worker', 'community'),
      factsFor('care_team', consent('housing', state)),
      'patient.read',
    );
    expect(decision.allowed).toBe(true);
  });

  it('health staff are not affected by a social care objection', () => {
    const decision = decidePatientAccess(
      actorFor('gp_staff'),
      factsFor('registered_practice', consent('adult_social_care', 'refused')),
      'patient.read',
    );
    expect(decision.allowed).toBe(true);
  });

  it.each(states)('a linked carer sees the carer summary only with consent to share with them in force: "%s"', (state) => {
    const facts = { ...factsFor('none'), carerConsent: state === 'none' ? null : { decision: state, decidedAt: Date.UTC(2026, 2, 1) } };
    const decision = decidePatientAccess(actorFor('carer'), facts, 'carer.summary');
    expect(decision.allowed).toBe(state === 'granted');
    expect(decision.explanation).toMatch(
      state === 'granted'
        ? /consent to share with you was given on 1 March 2026/
        : state === 'none'
          ? /not agreed to share/
          : new RegExp(`was ${state} on 1 March 2026`),
    );
  });

  it('a carer with consent in force still reaches nothing but the carer summary, updates and access list', () => {
    const facts = { ...factsFor('none'), carerConsent: { decision: 'granted' as const, decidedAt: Date.UTC(2026, 2, 1) } };
    for (const permission of ['carer.summary', 'carer.update', 'carer.accessLog'] as const) {
      expect(decidePatientAccess(actorFor('carer'), facts, permission).allowed).toBe(true);
    }
    for (const permission of ['patient.read', 'timeline.write', 'referral.read', 'discharge.read'] as const) {
      expect(decidePatientAccess(actorFor('carer'), facts, permission)).toMatchObject({ allowed: false, rule: 'no_permission' });
    }
    // A carer's rule is not a staff relationship: staff never get carer permissions from it.
    expect(decidePatientAccess(actorFor('navigator'), facts, 'carer.summary')).toMatchObject({ allowed: false, rule: 'no_permission' });
  });
});

describe('access policy: break-glass', () => {
  const until = Date.UTC(2026, 10, 21, 15, 40);
  const glass = (relationship: Relationship, consents: Partial<Record<ConsentPurpose, ConsentInForce>> = {}) => ({
    ...factsFor(relationship, consents),
    breakGlass: { until, reason: 'Found unconscious at home, need medication list' },
  });

  it('lets staff with no relationship read the record and write what they did, and says until when and why', () => {
    for (const role of ['navigator', 'gp_staff', 'social_worker'] as const) {
      const decision = decidePatientAccess(actorFor(role), glass('none'), 'patient.read');
      expect(decision, role).toMatchObject({ allowed: true, rule: 'break_glass', breakGlass: { until } });
      expect(decision.explanation).toMatch(
        /emergency access \(break glass\) until 3:40pm on 21 November 2026, giving the reason “Found unconscious/,
      );
      expect(decidePatientAccess(actorFor(role), glass('none'), 'timeline.write').allowed).toBe(true);
    }
  });

  it('never lets anyone change the record, consent or care team under emergency access', () => {
    for (const permission of [
      'patient.edit',
      'consent.record',
      'careTeam.edit',
      'patient.assignNamedContact',
      'discharge.manage',
      'referral.send',
    ] as const) {
      expect(decidePatientAccess(actorFor('navigator'), glass('none'), permission).allowed, permission).toBe(false);
    }
  });

  it('does not override the person’s own decision about sharing, and is not open to hospital, carer or admin roles', () => {
    expect(
      decidePatientAccess(actorFor('social_worker'), glass('none', consent('adult_social_care', 'refused')), 'patient.read'),
    ).toMatchObject({ allowed: false, rule: 'sharing_not_allowed' });
    expect(decidePatientAccess(actorFor('service_worker', 'housing'), glass('none'), 'patient.read')).toMatchObject({
      allowed: false,
      rule: 'sharing_not_allowed',
    });
    for (const role of ['hospital_staff', 'carer', 'admin'] as const) {
      expect(decidePatientAccess(actorFor(role), glass('none'), 'patient.read').allowed, role).toBe(false);
    }
  });

  it('a real relationship is named before emergency access', () => {
    expect(decidePatientAccess(actorFor('navigator'), glass('caseload'), 'patient.read')).toMatchObject({
      allowed: true,
      rule: 'caseload',
    });
  });
});

describe('access policy: permissions narrow what a relationship allows', () => {
  it('every role × permission: a role without the permission is refused whatever the relationship', () => {
    for (const role of Object.keys(ROLE_PERMISSIONS) as Role[]) {
      for (const permission of ['patient.edit', 'consent.record', 'patient.assignNamedContact', 'careTeam.edit'] as const) {
        const decision = decidePatientAccess(actorFor(role), factsFor('named_contact', consent('housing', 'granted')), permission);
        if (!ROLE_PERMISSIONS[role].includes(permission)) {
          expect(decision, `${role} ${permission}`).toMatchObject({ allowed: false, rule: 'no_permission' });
        }
      }
    }
  });

  it('admin is told plainly that administrators have no access to records', () => {
    const decision = decidePatientAccess(actorFor('admin'), factsFor('caseload'), 'patient.read');
    expect(decision).toMatchObject({ allowed: false, rule: 'no_permission' });
    expect(decision.explanation).toMatch(/Administrators/);
  });

  it('says which rule allowed access, in plain words', () => {
    const decision = decidePatientAccess(actorFor('navigator'), factsFor('caseload'), 'patient.read');
    expect(decision).toMatchObject({ allowed: true, rule: 'caseload' });
    expect(decision.explanation).toMatch(/on your team’s caseload/);
    expect(decidePatientAccess(actorFor('gp_staff'), factsFor('registered_practice'), 'patient.read')).toMatchObject({
      rule: 'registered_practice',
    });
  });
});

describe('access policy: a finished referral stays readable to whoever worked it (#17 item 2)', () => {
  const housingConsent = consent('housing', 'granted');
  const handled = { ...factsFor('none', housingConsent), referralToActorOrganisation: true, referralHandledByActor: true };

  it('allows reading that referral only: not working it, not the record', () => {
    const worker = actorFor('service_worker');
    expect(decidePatientAccess(worker, handled, 'referral.read')).toMatchObject({ allowed: true, rule: 'referral_handled' });
    for (const permission of ['referral.work', 'patient.read', 'timeline.write', 'task.create', 'discharge.read'] as const) {
      expect(decidePatientAccess(worker, handled, permission), permission).toMatchObject({ allowed: false });
    }
    expect(decidePatientAccess(worker, handled, 'referral.work').explanation).toBe(
      'This referral is finished: you can look back at it, but it cannot be changed any more.',
    );
    // The same person, asked about as a person (no referral named): nothing.
    expect(decidePatientAccess(worker, factsFor('none', housingConsent), 'referral.read')).toMatchObject({ allowed: false });
  });

  it('still under the sharing rule of the worker’s sector, and never for carers or hospital staff', () => {
    const withdrawn = { ...handled, consents: consent('housing', 'withdrawn') };
    expect(decidePatientAccess(actorFor('service_worker'), withdrawn, 'referral.read')).toMatchObject({
      allowed: false,
      rule: 'sharing_not_allowed',
    });
    expect(decidePatientAccess(actorFor('carer'), handled, 'referral.read')).toMatchObject({ allowed: false });
    expect(decidePatientAccess(actorFor('hospital_staff'), handled, 'referral.read')).toMatchObject({ allowed: false });
    // A social worker who worked a referral to adult social care looks back at it the same way.
    expect(decidePatientAccess(actorFor('social_worker'), handled, 'referral.read')).toMatchObject({
      allowed: true,
      rule: 'referral_handled',
    });
    expect(decidePatientAccess(actorFor('social_worker'), handled, 'patient.read')).toMatchObject({ allowed: false });
  });
});
