import { expect, test } from '@playwright/test';
import { ROLE_ACCOUNTS, expectAccessible, statePath } from './helpers';
import { signIn, trpc } from './http';

test.use({ storageState: statePath('admin') });

test('an admin adds a user, changes nothing they should not, and deactivates them after confirming', async ({ page }) => {
  await page.goto('/admin');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Add a user' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Enter full name');
  const email = `new.navigator.${Date.now()}@example.nhs.uk`;
  await page.getByLabel('Full name').fill('Rowan Test');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Role').selectOption({ label: 'Care navigator' });
  await page.getByLabel('Organisation').selectOption({ label: 'Northshire Homes' });
  await page.getByLabel('Temporary password').fill('a long temporary password');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.locator('#organisationId--error-message')).toContainText('Organisation: this role belongs to');
  await page.getByLabel('Organisation').selectOption({ label: 'Riverside Care Navigation Team' });
  await page.getByLabel('Temporary password').fill('a long temporary password');
  await page.getByRole('button', { name: 'Add user' }).click();
  await page.waitForURL('/admin?done=added');
  // Confirmed after the change (#17 item 15).
  await expect(page.getByRole('status')).toContainText('User added.');
  await expectAccessible(page);
  // The list is 25 to a page: found by part of the email, as an administrator would.
  await page.getByLabel('Name or email').fill(email.slice(0, 24));
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('link', { name: 'Rowan Test' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Deactivate Rowan Test' }).click();
  await expect(page.getByText('They will be signed out at once')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, deactivate Rowan Test' }).click();
  await page.waitForURL('/admin?done=deactivate');
  await expect(page.getByRole('status')).toContainText('User deactivated.');
  await page.getByLabel('Name or email').fill('Rowan Test');
  await page.getByLabel('Status').selectOption({ label: 'Deactivated' });
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByRole('row', { name: /Rowan Test/ }).first()).toContainText('Deactivated');
  await expectAccessible(page);
});

test('an admin cannot open a person’s record', async ({ page }) => {
  await page.goto('/patients');
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  // Not a person's page: the reason is the role, not "this person's care" (#17 item 19).
  await expect(page.getByText('This page is not part of your role’s work.')).toBeVisible();
  await expect(page.getByText(/this person’s care/)).toHaveCount(0);
});

test('an admin changes the discharge checklist: adds, moves and removes an item after confirming', async ({ page }) => {
  await page.goto('/admin/checklist');
  await expect(page.getByRole('heading', { level: 1, name: 'Discharge checklist' })).toBeVisible();
  await expectAccessible(page);
  const item = `Heating on ${Date.now() % 100000}`;
  await page.getByLabel('New checklist item').fill(item);
  await page.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByRole('status')).toContainText('Item added.');
  const items = page.locator('.carenav-checklist > li');
  await expect(items.nth(-2)).toContainText(item);
  await page.getByRole('button', { name: new RegExp(`^Move up\\W+${item}$`) }).click();
  await expect(items.nth(-3)).toContainText(item);
  await page.locator('summary', { hasText: `Remove: ${item}` }).click();
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await expect(page.getByText(item)).toHaveCount(0);
  await page.getByLabel(/Follow-up contact due within/).fill('0');
  await page.getByRole('button', { name: 'Save window' }).click();
  await expect(page.locator('#hours--error-message')).toContainText('at least 1 hour');
  await expectAccessible(page);
});

test('a clinical account an admin creates is listed for another administrator’s review, not their own (#16 finding 5)', async ({
  page,
}) => {
  const name = `Clinical Review ${Date.now() % 100000}`;
  await page.goto('/admin/users/new');
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email address').fill(`clinical.review.${Date.now()}@example.nhs.uk`);
  await page.getByLabel('Role').selectOption({ label: 'Care navigator' });
  await page.getByLabel('Organisation').selectOption({ label: 'Riverside Care Navigation Team' });
  await page.getByLabel('Temporary password').fill('a long temporary password');
  await page.getByRole('button', { name: 'Add user' }).click();
  await page.waitForURL('/admin?done=added');
  await page.getByRole('link', { name: 'Clinical accounts to review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clinical accounts to review' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Care navigator');
  // The demo has one administrator: the change waits for a second one.
  await expect(row).toContainText('Waiting for another administrator');
  await expect(row.getByRole('button', { name: /Mark as reviewed/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.setViewportSize({ width: 375, height: 800 });
  await expectAccessible(page);
});

test('an admin finds staff by name or email, filters them, and pages through them 25 at a time', async ({ page }) => {
  const base = test.info().project.use.baseURL!;
  const admin = (await signIn(base, ROLE_ACCOUNTS.admin, 'demo-password')).session;
  const orgs = (await trpc(base, admin, 'admin.organisations', undefined)).data as unknown as { id: string; name: string }[];
  const homes = orgs.find((o) => o.name === 'Northshire Homes')!;
  const stamp = `${Date.now() % 100000}`;
  // 26 accounts sharing a name's start (last in name order, so no other test's first page changes).
  for (let i = 0; i < 26; i++) {
    const created = await trpc(
      base,
      admin,
      'admin.createUser',
      {
        name: `Zz Paging ${stamp} ${String(i).padStart(2, '0')}`,
        email: `paging.${stamp}.${i}@example.nhs.uk`,
        role: 'service_worker',
        organisationId: homes.id,
        password: 'a long temporary password',
      },
      'mutation',
    );
    expect(created.status).toBe(200);
  }
  await page.goto('/admin');
  await page.getByLabel('Name or email').fill(`Zz Paging ${stamp}`);
  await page.getByLabel('Role').selectOption({ label: 'Service worker, housing or voluntary' });
  await page.getByLabel('Organisation').selectOption({ label: 'Northshire Homes' });
  await page.getByRole('button', { name: 'Find' }).click();
  const table = page.getByRole('table', { name: '26 staff accounts: 25 shown (first page)' });
  await expect(table.locator('tbody tr')).toHaveCount(25);
  await expect(table.locator('tbody tr').first()).toContainText(`Zz Paging ${stamp} 00`);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Show the next 25 staff accounts' }).click();
  const later = page.getByRole('table', { name: '26 staff accounts: 1 shown (a later page)' });
  await expect(later.locator('tbody tr')).toHaveCount(1);
  await expect(later).toContainText(`Zz Paging ${stamp} 25`);
  await expect(page.getByLabel('Name or email')).toHaveValue(`Zz Paging ${stamp}`);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Back to the first page' }).click();
  await expect(page.getByRole('table', { name: '26 staff accounts: 25 shown (first page)' })).toBeVisible();

  // By email, and none of them deactivated.
  await page.getByLabel('Name or email').fill(`paging.${stamp}.7@`);
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByRole('table', { name: '1 staff account' })).toContainText(`Zz Paging ${stamp} 07`);
  await page.getByLabel('Name or email').fill(`Zz Paging ${stamp}`);
  await page.getByLabel('Status').selectOption({ label: 'Deactivated' });
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByText('No staff account matches this search.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Clear the search and show every staff account' }).click();
  await expect(page.getByLabel('Name or email')).toHaveValue('');
});
