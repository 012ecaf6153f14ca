import { ROLES, type Role } from '../../db/schema';

/** Roles that staff accounts can have (carers join by invitation). */
export const STAFF_ROLES = ROLES.filter((r): r is Exclude<Role, 'carer'> => r !== 'carer');

/** Everything a role can be allowed to do. Relationship rules (policy.ts) narrow these per person. */
export const PERMISSIONS = [
  'patient.read',
  'patient.search',
  'patient.create',
  'patient.edit',
  'patient.assignNamedContact',
  'careTeam.edit',
  'consent.record',
  'timeline.write',
  'caseload.view',
  'admin.manage',
  'carer.summary',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The only table of what each role may do. Nothing else checks roles by hand. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  navigator: [
    'patient.read',
    'patient.search',
    'patient.create',
    'patient.edit',
    'patient.assignNamedContact',
    'careTeam.edit',
    'consent.record',
    'timeline.write',
    'caseload.view',
  ],
  gp_staff: [
    'patient.read',
    'patient.search',
    'patient.create',
    'patient.edit',
    'careTeam.edit',
    'consent.record',
    'timeline.write',
  ],
  // Hospital staff find people only to flag discharges; they read what they flagged.
  hospital_staff: ['patient.read', 'patient.search', 'timeline.write'],
  social_worker: ['patient.read', 'patient.search', 'patient.edit', 'careTeam.edit', 'consent.record', 'timeline.write'],
  service_worker: ['patient.read', 'patient.search', 'timeline.write'],
  // Carers see only the carer summary, which has its own rule; no staff permissions.
  carer: ['carer.summary'],
  // Admin manages organisations and users and has no access to patient data by default.
  admin: ['admin.manage'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  navigator: '/caseload',
  gp_staff: '/patients',
  hospital_staff: '/patients',
  social_worker: '/patients',
  service_worker: '/patients',
  carer: '/carer',
  admin: '/admin',
};

export const ROLE_LABELS: Record<Role, string> = {
  navigator: 'Care navigator',
  gp_staff: 'GP practice staff',
  hospital_staff: 'Hospital discharge team',
  social_worker: 'Social worker',
  service_worker: 'Service worker (housing or voluntary)',
  carer: 'Family carer',
  admin: 'Administrator',
};

export type NavItem = { href: string; label: string };

/** The navigation each role sees: only pages it can use. */
export function navigationFor(role: Role): NavItem[] {
  const items: NavItem[] = [];
  if (can(role, 'caseload.view')) items.push({ href: '/caseload', label: 'Caseload' });
  if (can(role, 'patient.search')) items.push({ href: '/patients', label: 'Find a person' });
  if (can(role, 'patient.create')) items.push({ href: '/patients/new', label: 'Add a person' });
  if (can(role, 'carer.summary')) items.push({ href: '/carer', label: 'People I care for' });
  if (can(role, 'admin.manage')) items.push({ href: '/admin', label: 'Organisations and users' });
  return items;
}

/**
 * How a role may search for people: within those it has a relationship with, or (hospital staff,
 * who must find anyone being discharged) only by exact NHS number and date of birth together.
 */
export function searchModeFor(role: Role): 'scoped' | 'exact_identity' | null {
  if (role === 'hospital_staff') return 'exact_identity';
  return can(role, 'patient.search') ? 'scoped' : null;
}
