import { createHash, randomBytes } from 'node:crypto';
import { env } from '../env';

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

/** A new invitation secret (256 bits) for the link; only its hash is stored. */
export const newInvitationToken = () => randomBytes(32).toString('base64url');

export const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The address people open carenav at (links in emails must be absolute). */
export const appOrigin = () => env().NEXTAUTH_URL.replace(/\/$/, '');

/**
 * The link a carer opens. The secret goes after "#": browsers never send the fragment, so it is in
 * no request path, server or proxy log, or Referer; the page reads it and posts it.
 */
export const invitationLink = (token: string) => `${appOrigin()}/invitation#${token}`;
