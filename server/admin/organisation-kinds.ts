import type { OrganisationKind, Role } from '../../db/schema';

export { KIND_SECTOR, ORGANISATION_KINDS } from '../../db/schema';

export const KIND_LABELS: Record<OrganisationKind, string> = {
  gp_practice: 'GP practice',
  navigator_team: 'Care navigation team',
  hospital_trust: 'Hospital trust',
  adult_social_care: 'Adult social care',
  housing: 'Housing provider',
  voluntary: 'Voluntary service',
  community_health: 'Community or mental health team',
};

/** Which kinds of organisation each staff role can belong to. */
export const ROLE_ORGANISATION_KINDS: Record<Exclude<Role, 'carer' | 'system'>, readonly OrganisationKind[]> = {
  navigator: ['navigator_team', 'gp_practice', 'voluntary', 'adult_social_care'],
  gp_staff: ['gp_practice'],
  hospital_staff: ['hospital_trust'],
  social_worker: ['adult_social_care'],
  service_worker: ['housing', 'voluntary', 'community_health'],
  admin: ['navigator_team', 'gp_practice', 'hospital_trust', 'adult_social_care', 'housing', 'voluntary', 'community_health'],
};
