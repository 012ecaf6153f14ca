import { alias } from 'drizzle-orm/sqlite-core';
import { organisations, users } from '../../db/schema';

/** The named contact's organisation (join with `eq(users.organisationId, namedContactOrg.id)`). */
export const namedContactOrg = alias(organisations, 'named_contact_org');

/** Columns to select, after joining `users` on the person's named contact and then `namedContactOrg`. */
export const namedContactColumns = {
  namedContactName: users.name,
  namedContactJobTitle: users.jobTitle,
  namedContactEmail: users.email,
  namedContactPhone: users.phone,
  namedContactOrganisationName: namedContactOrg.name,
  namedContactOrganisationPhone: namedContactOrg.phone,
};

type NamedContactRow = {
  namedContactName: string | null;
  namedContactJobTitle: string | null;
  namedContactEmail: string | null;
  namedContactPhone: string | null;
  namedContactOrganisationName: string | null;
  namedContactOrganisationPhone: string | null;
};

export type NamedContact = { name: string; jobTitle: string; email: string; organisationName: string; phone: string };

/** How to reach the named contact, or null when the person has none yet. */
export function toNamedContact(row: NamedContactRow): NamedContact | null {
  if (row.namedContactName === null) return null;
  return {
    name: row.namedContactName,
    jobTitle: row.namedContactJobTitle ?? '',
    email: row.namedContactEmail ?? '',
    organisationName: row.namedContactOrganisationName ?? '',
    // Direct line if they have one, otherwise the team's number.
    phone: row.namedContactPhone ?? row.namedContactOrganisationPhone ?? '',
  };
}
