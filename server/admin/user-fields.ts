import { z } from 'zod';
import { ROLES } from '../../db/schema';

export const StaffRoleSchema = z.enum(ROLES.filter((r) => r !== 'carer') as [Exclude<(typeof ROLES)[number], 'carer'>, ...Exclude<(typeof ROLES)[number], 'carer'>[]], {
  error: 'Choose a role',
});
