import { expect, test } from '@playwright/test';
import { expectAccessible, statePath } from './helpers';

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
  await page.getByRole('link', { name: 'Rowan Test' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Deactivate Rowan Test' }).click();
  await expect(page.getByText('They will be signed out at once')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, deactivate Rowan Test' }).click();
  await page.waitForURL('/admin?done=deactivate');
  await expect(page.getByRole('status')).toContainText('User deactivated.');
  await expect(page.getByRole('row', { name: /Rowan Test/ })).toContainText('Deactivated');
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
