import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, users } from '../../db/schema';
import { hashPassword } from '../auth/password';
import { passwordPolicyProblem } from '../auth/password-policy';
import { Conflict, Invalid } from '../errors';
import { newId } from '../ids';

/**
 * Creates an administrator (and their organisation, as a care navigation team, if it does not exist)
 * from the command line: the way into a new production database, which has no demo accounts.
 */
export async function createFirstAdmin(db: Db, input: { email: string; name: string; organisationName: string; password: string }) {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Invalid('email', 'Email address must be a real email address');
  if (!input.name.trim()) throw new Invalid('name', 'Enter the administrator’s name');
  if (!input.organisationName.trim()) throw new Invalid('organisation', 'Enter the organisation’s name');
  const problem = passwordPolicyProblem(input.password, [input.name, email, input.organisationName]);
  if (problem) throw new Invalid('password', problem);
  const passwordHash = await hashPassword(input.password);
  return await db.transaction(async (tx) => {
    if (await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
      throw new Conflict('An account with this email address already exists.');
    }
    const now = Date.now();
    let org = await tx.select().from(organisations).where(eq(organisations.name, input.organisationName.trim())).get();
    if (!org) {
      const id = newId();
      await tx
        .insert(organisations)
        .values({ id, name: input.organisationName.trim(), kind: 'navigator_team', sector: 'primary', createdAt: now })
        .run();
      org = await tx.select().from(organisations).where(eq(organisations.id, id)).get();
    }
    const id = newId();
    await tx
      .insert(users)
      .values({ id, email, name: input.name.trim(), role: 'admin', organisationId: org!.id, passwordHash, createdAt: now })
      .run();
    return { id, email };
  });
}
