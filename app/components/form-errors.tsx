'use client';

import { ErrorSummary } from 'nhsuk-react-components';
import type { FormResult } from '../../server/trpc/form-result';
import { summaryLine } from '../lib/summary-line';

/** The NHS.UK error summary for a form result: a link to each field with a problem. */
export function FormErrors({
  result,
  labels,
  idOf = (field) => field,
}: {
  result: FormResult | null;
  labels?: Record<string, string>;
  /** For a form shown more than once on a page: the id its field has here (the summary links to it). */
  idOf?: (field: string) => string;
}) {
  if (!result || result.ok) return null;
  const fields = Object.entries(result.fieldErrors ?? {});
  return (
    <ErrorSummary key={result.at}>
      <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
      <ErrorSummary.List>
        {fields.length === 0 && <li>{result.message}</li>}
        {fields.map(([field, messages]) => (
          <ErrorSummary.ListItem key={field} href={`#${idOf(field)}`}>
            {summaryLine(labels?.[field], messages[0] ?? '')}
          </ErrorSummary.ListItem>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/** The first message for a field, for the `error` prop of NHS.UK inputs. */
export const fieldError = (result: FormResult | null, field: string) => result?.fieldErrors?.[field]?.[0];

/** The value to show in a field: what was just submitted, else the stored value. */
export const fieldValue = (result: FormResult | null, field: string, fallback = '') => result?.values?.[field] ?? fallback;

/**
 * Whether a checkbox is ticked: as just submitted (an unticked box is not sent, so absent means
 * unticked), else `fallback`.
 */
export const fieldChecked = (result: FormResult | null, field: string, fallback = false) =>
  result?.values && !result.ok ? result.values[field] !== undefined && result.values[field] !== 'false' : fallback;

/**
 * Whether one box of a group of tick boxes sharing a name is ticked, the group's values being sent
 * joined into one field (e.g. "01"): as just submitted, else as stored (`fallback`, joined the same way).
 */
export const fieldIncludes = (result: FormResult | null, field: string, value: string, fallback = '') =>
  (result?.values && !result.ok ? fieldValue(result, field) : fallback).includes(value);
