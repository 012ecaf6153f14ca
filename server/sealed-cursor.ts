import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { env } from './env';

/**
 * A list's cursor sealed by the server (AES-256-GCM, keyed from NEXTAUTH_SECRET): opaque in the
 * address, so it can carry what must not be read there (a rank made of a person's risk and last
 * contact, the moment the list was ranked) and cannot be forged. For lists whose order is worked
 * out per request rather than read from a column shown on the page (the MDT worklist).
 */
const key = () =>
  createHash('sha256')
    .update(`carenav sealed cursor\0${env().NEXTAUTH_SECRET ?? 'carenav-development-only'}`)
    .digest();

export const SEALED_CURSOR = /^[A-Za-z0-9_-]{20,400}$/;

export function sealCursor(value: Record<string, string | number>): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The value sealed, or null when the cursor was not sealed by this server (edited, or another key). */
export function openCursor(sealed: string): Record<string, unknown> | null {
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key(), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
