import type { Role } from '../../db/schema';
import { ROLE_HOME } from '../../server/access/permissions';

/** Roles whose work is spread over several lists: they land on a home page that gathers them (/home). */
export const HOME_PAGE_ROLES: readonly Role[] = ['gp_staff', 'hospital_staff', 'social_worker', 'service_worker'];

/**
 * Where a role lands after signing in: its home page, or (navigators, carers, administrators) the one
 * page that is already their work: the caseload, the people they care for, the organisations.
 */
export function landingFor(role: Role): string {
  return HOME_PAGE_ROLES.includes(role) ? '/home' : ROLE_HOME[role];
}
