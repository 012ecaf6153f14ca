'use server';

import type { FormResult } from '../../server/trpc/form-result';
import { submit } from '../lib/submit';

export async function createOrganisationAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.admin.createOrganisation(v as never), { redirectTo: () => '/admin' });
}

export async function createUserAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.admin.createUser(v as never), { redirectTo: () => '/admin' });
}

export async function updateUserAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.admin.updateUser(v as never), { redirectTo: () => '/admin' });
}
