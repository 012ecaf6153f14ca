import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users, type Role } from '../../db/schema';
import type { Actor } from '../access/actor';
import { notify } from '../notifications/notify';

/** Roles that can read patient records: everything but administrators and carers (who join by invitation). */
export function isClinicalRole(role: Role): boolean {
  return role !== 'admin' && role !== 'carer' && role !== 'system';
}

/**
 * Whether giving an account `to` (from `from`, or new) opens something a second administrator must
 * check: records (a clinical role), or the power to mint accounts (administrator), which one
 * administrator could otherwise use to approve their own clinical accounts.
 */
export function needsSecondLook(from: Role | null, to: Role): boolean {
  return (isClinicalRole(to) && !(from && isClinicalRole(from))) || (to === 'admin' && from !== 'admin');
}

/**
 * Tells the other administrators of the acting admin's organisation, and of the account's own
 * organisation, that an account now has a clinical role. Why: an admin alone minting a clinical
 * account is a path to every record, so a second pair of eyes must hear of it. The notice carries
 * only the account id in its link, never a name or patient data.
 */
export async function announceClinicalAccount(
  tx: Pick<Db, 'insert' | 'select'>,
  actor: Actor,
  account: { id: string; organisationId: string | null; role: Role },
) {
  const orgIds = [...new Set([actor.organisationId, account.organisationId].filter((o): o is string => !!o))];
  const admins: string[] = [];
  for (const orgId of orgIds) {
    const staff = await tx
      .select({ id: users.id, role: users.role, active: users.active })
      .from(users)
      .where(eq(users.organisationId, orgId))
      .all();
    for (const u of staff) if (u.role === 'admin' && u.active && u.id !== actor.userId && u.id !== account.id) admins.push(u.id);
  }
  await notify(tx, admins, {
    kind: 'clinical_account',
    title: `An account has been given ${account.role === 'admin' ? 'the administrator role' : 'a clinical role'}: please review it`,
    body: 'Check that the account, its role and its organisation are expected. The change is in the audit log.',
    link: `/admin/users/${account.id}`,
    // About an account, not a person: nothing personal to withhold.
    about: null,
  });
}

type Field = string | boolean | null;

/**
 * One line for the audit row's reason column (audit_log has no details column; this avoids a
 * migration): which account, then each field as its value, or old→new when it changed. Ids and
 * role names only, never a name or email.
 */
export function describeAccountChange(userId: string, fields: Record<string, Field | [Field, Field]>): string {
  const parts = Object.entries(fields).map(([name, value]) => {
    if (!Array.isArray(value)) return `${name}=${String(value)}`;
    const [before, after] = value;
    return before === after ? `${name}=${String(after)}` : `${name}=${String(before)}→${String(after)}`;
  });
  return [`user=${userId}`, ...parts].join(' ');
}
