import { ROLES, type Role } from '../../db/schema';

/** Roles that staff accounts can have (carers join by invitation). */
export const STAFF_ROLES = ROLES.filter((r): r is Exclude<Role, 'carer' | 'system'> => r !== 'carer' && r !== 'system');

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
  'discharge.flag',
  'discharge.read',
  'discharge.manage',
  'discharge.list',
  'task.create',
  'task.work',
  'task.list',
  'referral.send',
  'referral.read',
  'referral.work',
  'referral.list',
  'directory.search',
  'handoff.offer',
  'handoff.respond',
  'admin.manage',
  'access.review',
  'patient.breakGlass',
  'carer.invite',
  'carer.summary',
  'carer.update',
  'carer.accessLog',
  'metrics.view',
  'mdt.work',
  'wellbeing.record',
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
    'discharge.flag',
    'discharge.read',
    'discharge.manage',
    'discharge.list',
    'task.create',
    'task.work',
    'task.list',
    'referral.send',
    'referral.read',
    'referral.work',
    'referral.list',
    'directory.search',
    'handoff.offer',
    'handoff.respond',
    'patient.breakGlass',
    'carer.invite',
    'metrics.view',
    'mdt.work',
    'wellbeing.record',
  ],
  gp_staff: [
    'patient.read',
    'patient.search',
    'patient.create',
    'patient.edit',
    'careTeam.edit',
    'consent.record',
    'timeline.write',
    'discharge.flag',
    'discharge.read',
    'discharge.manage',
    'discharge.list',
    'task.create',
    'task.work',
    'task.list',
    'referral.send',
    'referral.read',
    'referral.work',
    'referral.list',
    'directory.search',
    'patient.breakGlass',
  ],
  // Hospital staff find people (by exact NHS number and date of birth) only to flag discharges,
  // and afterwards read the discharges they flagged: never the rest of the record.
  hospital_staff: ['patient.search', 'discharge.flag', 'discharge.read', 'discharge.list'],
  social_worker: [
    'patient.read',
    'patient.search',
    'patient.edit',
    'careTeam.edit',
    'consent.record',
    'timeline.write',
    'discharge.read',
    'task.create',
    'task.work',
    'task.list',
    'referral.send',
    'referral.read',
    'referral.work',
    'referral.list',
    'directory.search',
    'handoff.offer',
    'handoff.respond',
    'patient.breakGlass',
  ],
  service_worker: [
    'patient.read',
    'patient.search',
    'timeline.write',
    'task.create',
    'task.work',
    'task.list',
    'referral.read',
    'referral.work',
    'referral.list',
    'patient.breakGlass',
  ],
  // Carers see only the carer summary (and who has seen the record) and send updates, under their
  // own rule (consent to share with them); no staff permissions.
  carer: ['carer.summary', 'carer.update', 'carer.accessLog'],
  // Admin manages organisations, users and the discharge checklist, and reviews emergency access;
  // no access to patient data.
  admin: ['admin.manage', 'access.review', 'metrics.view'],
  // carenav's scheduled work runs as this user outside any request; it is given no permissions.
  system: [],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * Where each role lands after signing in. Roles whose work is spread over several lists land on a
 * home page that gathers them (/home); the others on the one page that already is their work.
 */
export const ROLE_HOME: Record<Role, string> = {
  navigator: '/caseload',
  gp_staff: '/home',
  hospital_staff: '/home',
  social_worker: '/home',
  service_worker: '/home',
  carer: '/carer',
  admin: '/admin',
  system: '/login',
};

/** Roles that land on /home ("Your work"). */
export const HOME_PAGE_ROLES: readonly Role[] = (Object.keys(ROLE_HOME) as Role[]).filter((r) => ROLE_HOME[r] === '/home');

export const ROLE_LABELS: Record<Role, string> = {
  navigator: 'Care navigator',
  gp_staff: 'GP practice staff',
  hospital_staff: 'Hospital discharge team',
  social_worker: 'Social worker',
  service_worker: 'Service worker, housing or voluntary',
  carer: 'Family carer',
  admin: 'Administrator',
  system: 'carenav (automatic)',
};

export type NavItem = { href: string; label: string };

/** The navigation each role sees: only pages it can use. */
export function navigationFor(role: Role): NavItem[] {
  const items: NavItem[] = [];
  if (ROLE_HOME[role] === '/home') items.push({ href: '/home', label: 'Your work' });
  if (can(role, 'caseload.view')) items.push({ href: '/caseload', label: 'Caseload' });
  if (can(role, 'discharge.list')) items.push({ href: '/discharges', label: 'Discharges' });
  if (can(role, 'task.list')) items.push({ href: '/tasks', label: 'Tasks' });
  if (can(role, 'referral.list')) items.push({ href: '/referrals', label: 'Referrals' });
  if (can(role, 'mdt.work')) items.push({ href: '/mdt', label: 'MDT' });
  if (can(role, 'patient.search')) items.push({ href: '/patients', label: 'Find a person' });
  if (can(role, 'patient.create')) items.push({ href: '/patients/new', label: 'Add a person' });
  if (can(role, 'carer.summary')) items.push({ href: '/carer', label: 'People I care for' });
  if (can(role, 'admin.manage'))
    items.push({ href: '/admin', label: 'Organisations and users' }, { href: '/admin/services', label: 'Service directory' });
  if (can(role, 'metrics.view')) items.push({ href: '/metrics', label: 'Measures' });
  if (can(role, 'access.review')) items.push({ href: '/admin/access-reviews', label: 'Emergency access reviews' });
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

/**
 * Which discharges a role's worklist shows: navigators work those of their team's caseload; GP and
 * hospital staff follow the ones they flagged. Each row is still checked by the policy.
 */
export function dischargeScopeFor(role: Role): 'caseload' | 'flagged' | null {
  if (!can(role, 'discharge.list')) return null;
  return role === 'navigator' ? 'caseload' : 'flagged';
}
