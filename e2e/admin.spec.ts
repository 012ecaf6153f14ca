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
  await page.waitForURL('/admin');
  await page.getByRole('link', { name: 'Rowan Test' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Deactivate Rowan Test' }).click();
  await expect(page.getByText('They will be signed out at once')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, deactivate Rowan Test' }).click();
  await page.waitForURL('/admin');
  await expect(page.getByRole('row', { name: /Rowan Test/ })).toContainText('Deactivated');
});

test('an admin cannot open a person’s record', async ({ page }) => {
  await page.goto('/patients');
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
});
