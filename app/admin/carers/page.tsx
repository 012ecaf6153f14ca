import { Button, SummaryList, TextInput } from 'nhsuk-react-components';
import { loadOrFieldErrors, pageCaller } from '../../lib/guard';
import { CarerAccountToggle } from '../../components/carer-account-toggle';
import { setCarerAccountActiveAction } from '../actions';

export const metadata = { title: 'Carer accounts' };

type Found = { id: string; name: string; email: string; active: boolean; linkedPeople: number } | null;

/**
 * Administrators find a carer's account by its exact email address (never a list: that would tell
 * them who cares for whom) and deactivate or reactivate it, for carers of people their organisation holds.
 */
export default async function CarerAccountsPage({ searchParams }: { searchParams: Promise<{ email?: string | string[] }> }) {
  const { email: raw } = await searchParams;
  const email = typeof raw === 'string' ? raw : '';
  const { caller } = await pageCaller();
  const found = email ? await loadOrFieldErrors<Found>(caller.admin.findCarerAccount({ email })) : null;
  const error = found?.fieldErrors?.email?.[0];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Carer accounts</h1>
        <p>
          Deactivate a carer’s account if it should no longer be used: they are signed out at once and cannot sign in until it is
          reactivated. You can do this for carers of people whose records your organisation holds. Their navigator can also do it from the
          person’s record.
        </p>
        <form method="get" action="/admin/carers" noValidate>
          <TextInput
            id="email"
            name="email"
            type="email"
            autoComplete="off"
            label="Carer’s email address"
            defaultValue={email}
            error={error}
          />
          <Button type="submit" secondary>
            Find the account
          </Button>
        </form>
        {found?.value === null && !error && (
          <p role="status">No carer account with that email address cares for anyone whose record your organisation holds.</p>
        )}
        {found?.value && (
          <>
            <h2>{found.value.name}</h2>
            <SummaryList>
              <SummaryList.Row>
                <SummaryList.Key>Email</SummaryList.Key>
                <SummaryList.Value>{found.value.email}</SummaryList.Value>
              </SummaryList.Row>
              <SummaryList.Row>
                <SummaryList.Key>Cares for</SummaryList.Key>
                <SummaryList.Value>
                  {found.value.linkedPeople} {found.value.linkedPeople === 1 ? 'person' : 'people'} whose records your organisation holds
                </SummaryList.Value>
              </SummaryList.Row>
              <SummaryList.Row>
                <SummaryList.Key>Status</SummaryList.Key>
                <SummaryList.Value>{found.value.active ? 'Active' : 'Deactivated'}</SummaryList.Value>
              </SummaryList.Row>
            </SummaryList>
            <CarerAccountToggle
              action={setCarerAccountActiveAction}
              fields={{ carerUserId: found.value.id }}
              name={found.value.name}
              active={found.value.active}
            />
          </>
        )}
      </div>
    </div>
  );
}
