import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { hashPassword } from '../auth/password';
import { checkNewPassword, passwordPolicyProblem } from '../auth/password-policy';
import { Conflict, Invalid } from '../errors';
import { announceClinicalAccount, describeAccountChange, needsSecondLook } from './announce-clinical-account';
import { newId } from '../ids';
import { PatientDetailFields } from '../patients/patient-fields';
import { ALL_AT_ONCE, emailAddress, freeText, parsed, personName } from '../validation';
import { KIND_LABELS, ROLE_ORGANISATION_KINDS } from './organisation-kinds';
import { StaffRoleSchema } from './user-fields';

export const CreateUserSchema = z
  .object({
    name: personName('Full name', 100),
    email: emailAddress('name@example.nhs.uk'),
    role: StaffRoleSchema,
    organisationId: z.uuid('Organisation: choose an organisation from the list'),
    jobTitle: freeText('Job title', 100).default(''),
    phone: PatientDetailFields.phone.default(''),
    password: z.string({ error: 'Enter a temporary password' }),
  })
  // A temporary password still has to be a good one: it guards the account until the person changes it.
  .superRefine((v, ctx) => {
    if (!parsed(ctx, 'password')) return;
    // The name and email count only as they were typed well enough to parse.
    const userInputs = [parsed(ctx, 'name') ? v.name : '', parsed(ctx, 'email') ? v.email : ''];
    checkNewPassword(ctx, v.password, { path: 'password', userInputs });
  }, ALL_AT_ONCE);
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

/** Checks the organisation exists and suits the role; throws Invalid naming the field otherwise. */
export async function checkRoleOrganisation(db: Pick<Db, 'select'>, role: z.infer<typeof StaffRoleSchema>, organisationId: string) {
  const org = await db.select().from(organisations).where(eq(organisations.id, organisationId)).get();
  if (!org) throw new Invalid('organisationId', 'Organisation: choose an organisation from the list');
  if (!ROLE_ORGANISATION_KINDS[role].includes(org.kind)) {
    throw new Invalid(
      'organisationId',
      `Organisation: this role belongs to a ${ROLE_ORGANISATION_KINDS[role].map((k) => KIND_LABELS[k].toLowerCase()).join(' or ')}`,
    );
  }
  return org;
}

/**
 * Checks the temporary password against the policy and hashes it, before the transaction: hashing is
 * slow, and a transaction holds the write lock while it runs (docs/decisions/018).
 */
export async function prepareCreateUser(input: CreateUserInput, db: Pick<Db, 'select'>): Promise<string> {
  // The organisation's name is not on the form, so it joins the personal words here.
  const organisationName = (
    await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, input.organisationId)).get()
  )?.name;
  const problem = passwordPolicyProblem(input.password, [input.name, input.email, organisationName]);
  if (problem) throw new Invalid('password', problem);
  return hashPassword(input.password);
}

/**
 * An administrator adds a staff account with a temporary password (hashed by prepareCreateUser), which
 * the person must replace with their own at first sign-in (the administrator knows it, and it may
 * have travelled by email or phone).
 */
export async function createUser(db: Db, actor: Actor, input: CreateUserInput, passwordHash: string): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    await checkRoleOrganisation(tx, input.role, input.organisationId);
    if (await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
      throw new Conflict('An account with this email address already exists.', { field: 'email' });
    }
    const id = newId();
    await tx
      .insert(users)
      .values({
        id,
        email: input.email,
        name: input.name,
        role: input.role,
        organisationId: input.organisationId,
        jobTitle: input.jobTitle || null,
        phone: input.phone || null,
        passwordHash,
        mustChangePassword: true,
        createdAt: Date.now(),
      })
      .run();
    actor.access?.audit?.detail(describeAccountChange(id, { role: input.role, organisation: input.organisationId, active: true }));
    if (needsSecondLook(null, input.role))
      await announceClinicalAccount(tx, actor, { id, organisationId: input.organisationId, role: input.role });
    return { id };
  });
}
