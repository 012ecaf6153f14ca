import type { AuditNote } from '../audit/audit-note';
import { SYSTEM_USER_ID, type OrganisationSector, type Role } from '../../db/schema';

/** Who is acting: built from the signed-in session, injected into every use case. */
export type Actor = {
  userId: string;
  name: string;
  role: Role;
  organisationId: string | null;
  /** Sector of the actor's organisation; null for carers. */
  sector: OrganisationSector | null;
  /**
   * The non-secret handle of the session this request came in on (sessionHandle), so "this device"
   * can be told apart among the user's sessions. Absent outside a signed-in request.
   */
  sessionHandle?: string;
  /** Where the request came from, for the audit log. */
  ip?: string | null;
  /**
   * The server-side session this request belongs to (from the JWT's `sid`), so changing the password
   * can end every other session and keep this one. Never sent to the browser.
   */
  sessionId?: string;
  /**
   * An administrator set this user's password: until they choose their own, pages send them to
   * /account/password and nothing else may be done.
   */
  mustChangePassword?: boolean;
  /**
   * Set by the executor: which rule allowed this action, the reason given when it was emergency
   * access, and where the use case notes what its audit row should say (the executor writes it).
   */
  access?: { rule: string; action: string; reason?: string; audit?: AuditNote };
};

/** carenav itself, for scheduled work (escalation): recorded by name in the timeline and audit log. */
export const SYSTEM_ACTOR: Actor = {
  userId: SYSTEM_USER_ID,
  name: 'carenav (automatic)',
  role: 'system',
  organisationId: null,
  sector: null,
  access: { rule: 'scheduled', action: 'system.escalate' },
};
