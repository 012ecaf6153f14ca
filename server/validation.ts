import { z } from 'zod';
import { parseMoment } from './calendar/england-time';

// Control characters other than tab and newlines have no place in a record and can hide text.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Free text with a length limit, trimmed, with no control characters. */
export function freeText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .refine((v) => !CONTROL_CHARS.test(v), `${label} contains characters that are not allowed`);
}

/** A person's name: any script or punctuation people's names have, but no markup (`<`, `>`), which no name has. */
export function personName(label: string, max: number) {
  return requiredText(label, max).refine((v) => !/[<>]/.test(v), `${label} cannot contain < or >: enter the name as it is written`);
}

/** Free text that must not be empty. */
export function requiredText(label: string, max: number, emptyMessage = `Enter ${label.toLowerCase()}`) {
  return freeText(label, max).refine((v) => v.length > 0, emptyMessage);
}

/** An id chosen on a page: a care worker never types one, so a bad one means a broken or old link. */
export const IdSchema = (label: string) => z.uuid({ error: `${label}: not recognised. Go back and choose it again` });

/** A calendar date as YYYY-MM-DD. */
export function isoDate(label: string) {
  return (
    z
      .string({ error: `Enter ${label.toLowerCase()}` })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a real date, for example 27/03/1948`)
      // Checked in UTC so that no time zone shifts the day (e.g. 30 February is refused).
      .refine((v) => {
        const d = new Date(`${v}T00:00:00Z`);
        return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
      }, `${label} must be a real date`)
  );
}

/** A moment, as ms since the epoch, or a date and time as text: England's clock unless it names its offset. */
export function moment(label: string) {
  return z.union([z.number().int(), z.string().trim().min(1)], { error: `Enter ${label.toLowerCase()}` }).transform((v, ctx) => {
    const ms = typeof v === 'number' ? v : parseMoment(v);
    if (!Number.isFinite(ms) || ms < Date.UTC(1900, 0, 1)) {
      ctx.addIssue({ code: 'custom', message: `${label} must be a real date and time` });
      return z.NEVER;
    }
    return ms;
  });
}

/** Newline-separated text (from a textarea) or an array, as a list of non-empty lines. */
export function lineList(label: string, maxItems: number, maxLength: number) {
  return z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(/\r?\n/)
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z
      .array(
        freeText(label, maxLength).refine((s) => s.length > 0, `${label} cannot be blank`),
        {
          error: `${label} must be a list`,
        },
      )
      .max(maxItems, `${label}: at most ${maxItems}`),
  );
}

/** Checkbox values from forms ("on") as well as booleans from the API. */
export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

/** An email address, trimmed and lower-cased (accounts are found by it). */
export function emailAddress(example = 'name@example.com') {
  return z
    .string({ error: 'Enter an email address' })
    .trim()
    .toLowerCase()
    .pipe(z.email(`Email address must be a real email address, like ${example}`).max(320, 'Email address must be 320 characters or fewer'));
}

/**
 * The options for an object schema's cross-field `superRefine`: it runs even when another field was
 * refused, so a form is told about every problem on its first submission. (By default zod skips an
 * object's refinements until every field parses: the problems came in two passes.) The check then
 * sees what parsed so far: test fields with `parsed(ctx, ...)` before relying on them.
 */
export const ALL_AT_ONCE = {
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
};

/** Whether each of `fields` parsed (no problem reported at it yet), inside an ALL_AT_ONCE check. */
export function parsed(ctx: { issues: readonly { path?: readonly PropertyKey[] }[] }, ...fields: string[]): boolean {
  return fields.every((field) => !ctx.issues.some((issue) => issue.path?.[0] === field));
}
