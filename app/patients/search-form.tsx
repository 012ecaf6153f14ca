'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef } from 'react';
import { ActionForm } from '../components/action-form';
import { Button, TextInput } from 'nhsuk-react-components';
import { Table } from '../components/table';
import { FormErrors, fieldError, fieldValue } from '../components/form-errors';
import { formatNhsNumber } from '../../server/patients/nhs-number';
import { searchAction, type SearchState } from './actions';

/**
 * Keeping a search across Back and reload without its terms in the address (#17 item 11).
 *
 * A name or NHS number must never be in a URL (browser history, proxies, server logs), so the
 * search stays a form post. Instead, after each search that worked, its terms are kept in this
 * tab's sessionStorage under a random id, and only that opaque id is written into the page's own
 * history entry (history.state, which Next.js keeps and the server never sees). Coming back to that
 * entry (Back, Forward or reload) finds the id, and the form runs the same search again: the
 * results are fresh and the look-up is checked and audited as any other. A new visit to the page
 * (from the menu) is a new history entry with no id: an empty form. The terms are kept for the
 * user who searched: signing out clears them, the sign-in page clears them (a session that timed
 * out), and a search kept for anyone else is never run.
 */
const LAST_SEARCH_KEY = 'carenav.lastSearch';
const HISTORY_KEY = 'carenavSearch';
type KeptSearch = { id: string; userId: string; query: string; dateOfBirth: string };

function keptSearchForThisEntry(userId: string): KeptSearch | null {
  try {
    const kept = JSON.parse(sessionStorage.getItem(LAST_SEARCH_KEY) ?? 'null') as KeptSearch | null;
    const id = (window.history.state as Record<string, unknown> | null)?.[HISTORY_KEY];
    return kept && typeof id === 'string' && kept.id === id && kept.userId === userId ? kept : null;
  } catch {
    return null;
  }
}

export function SearchForm({ exactIdentity, userId }: { exactIdentity: boolean; userId: string }) {
  const [state, action, pending] = useActionState<SearchState | null, FormData>(searchAction, null);
  const results = state?.data?.results;
  const form = useRef<HTMLFormElement>(null);

  // Back, Forward or reload onto a search: run it again.
  useEffect(() => {
    const kept = keptSearchForThisEntry(userId);
    const el = form.current;
    if (!kept || !el) return;
    (el.elements.namedItem('query') as HTMLInputElement).value = kept.query;
    (el.elements.namedItem('dateOfBirth') as HTMLInputElement).value = kept.dateOfBirth;
    el.requestSubmit();
  }, [userId]);

  // A search that worked: keep its terms for this tab, and mark this history entry with their id.
  useEffect(() => {
    if (!state?.ok) return;
    const kept: KeptSearch = {
      id: crypto.randomUUID(),
      userId,
      query: state.values?.query ?? '',
      dateOfBirth: state.values?.dateOfBirth ?? '',
    };
    try {
      sessionStorage.setItem(LAST_SEARCH_KEY, JSON.stringify(kept));
      window.history.replaceState({ ...(window.history.state as object | null), [HISTORY_KEY]: kept.id }, '');
    } catch {
      // Storage refused (private browsing, full): the search works, it is just not kept.
    }
  }, [state, userId]);

  return (
    <>
      <ActionForm formRef={form} state={state} action={action}>
        <FormErrors result={state} labels={{ query: exactIdentity ? 'NHS number' : 'Search', dateOfBirth: 'Date of birth' }} />
        <TextInput
          id="query"
          name="query"
          label={exactIdentity ? 'NHS number' : 'Name or NHS number'}
          hint={exactIdentity ? 'For example, 943 476 5919' : 'The start of a first or last name, or the full 10-digit NHS number'}
          autoComplete="off"
          spellCheck={false}
          width={20}
          defaultValue={fieldValue(state, 'query')}
          error={fieldError(state, 'query')}
        />
        <TextInput
          id="dateOfBirth"
          name="dateOfBirth"
          type="date"
          label={exactIdentity ? 'Date of birth' : 'Date of birth (optional)'}
          width={10}
          defaultValue={fieldValue(state, 'dateOfBirth')}
          error={fieldError(state, 'dateOfBirth')}
        />
        <Button type="submit" disabled={pending}>
          {pending ? 'Searching…' : 'Search'}
        </Button>
      </ActionForm>
      <div aria-live="polite">
        {results && results.length === 0 && (
          <div className="nhsuk-inset-text">
            <h2 className="nhsuk-heading-s">No matching people</h2>
            <p>
              {exactIdentity
                ? 'Nobody has that NHS number and date of birth. Check both with the person or their records.'
                : 'Nobody you work with matches. Check the spelling, try the NHS number, or add the person if they are new to carenav.'}
            </p>
          </div>
        )}
        {results && results.length > 0 && (
          <Table responsive caption={`${results.length} ${results.length === 1 ? 'person' : 'people'} found`}>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Name</Table.Cell>
                <Table.Cell>NHS number</Table.Cell>
                <Table.Cell>Date of birth</Table.Cell>
                <Table.Cell>GP practice</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {results.map((p) => (
                <Table.Row key={p.id ?? p.nhsNumber}>
                  <Table.Cell>
                    {p.canOpen && p.id ? (
                      <Link href={`/patients/${p.id}`}>
                        {p.givenName} {p.familyName}
                      </Link>
                    ) : (
                      `${p.givenName} ${p.familyName}`
                    )}
                    {p.status === 'closed' && ' (record closed)'}
                  </Table.Cell>
                  <Table.Cell>{formatNhsNumber(p.nhsNumber)}</Table.Cell>
                  <Table.Cell>{p.dateOfBirth}</Table.Cell>
                  <Table.Cell>{p.practiceName}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        {state?.data?.truncated && (
          <p>There may be more matches than shown: add more of the name or a date of birth to narrow the search.</p>
        )}
      </div>
    </>
  );
}
