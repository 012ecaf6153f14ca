'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button, Table, TextInput } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../components/form-errors';
import { formatNhsNumber } from '../../server/patients/nhs-number';
import { searchAction, type SearchState } from './actions';

export function SearchForm({ exactIdentity }: { exactIdentity: boolean }) {
  const [state, action, pending] = useActionState<SearchState | null, FormData>(searchAction, null);
  const results = state?.data?.results;
  return (
    <>
      <form action={action} noValidate>
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
      </form>
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
          <Table caption={`${results.length} ${results.length === 1 ? 'person' : 'people'} found`}>
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
