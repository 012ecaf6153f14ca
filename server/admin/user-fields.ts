import { z } from 'zod';
import { ROLES } from '../../db/schema';

/** A role a staff account can have: carers join by invitation, never through admin. */
export const StaffRoleSchema = z.enum(ROLES, { error: 'Choose a role' }).exclude(['carer', 'system'], { error: 'Choose a role' });
