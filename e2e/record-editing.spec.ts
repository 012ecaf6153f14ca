import { expect, test } from '@playwright/test';
import { createPerson, expectAccessible, statePath } from './helpers';

test.use({ storageState: statePath('navigator') });

test('a navigator changes details, the named contact and the care team, and corrects an entry', async ({ page }) => {
  const record = await createPerson(page, { givenName: 'Harold', familyName: `Keys${Date.now() % 100000}` });

  // Details: risk, conditions, home access
  await page.getByRole('link', { name: 'Change risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change details' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('High').check();
  await page.getByLabel('Long-term conditions').fill('Heart failure\nCOPD');
  await page.getByLabel('Home access').fill('Key safe by the back door, code 1942');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForURL(record);
  await expect(page.getByText('High risk')).toBeVisible();
  await expect(page.getByText('Key safe by the back door, code 1942')).toBeVisible();

  // Named contact
  await page.getByRole('link', { name: /Change named contact/ }).click();
  await expectAccessible(page);
  await page.getByLabel('Sam Okoro').check();
  await page.getByRole('button', { name: 'Save named contact' }).click();
  await page.waitForURL(record);
  await expect(page.locator('.nhsuk-card').first()).toContainText('Sam Okoro');
  await expect(page.getByRole('heading', { name: 'Named contact is now Sam Okoro' })).toBeVisible();

  // Care team: add an external contact, then remove them after confirming
  await page.getByRole('link', { name: 'Care team', exact: true }).click();
  await expectAccessible(page);
  await page.getByLabel('Name', { exact: true }).fill('Jo Patel');
  await page.locator('#external-role').fill('Community pharmacist');
  await page.getByLabel('Organisation', { exact: true }).fill('High Street Pharmacy');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('status')).toContainText('Added to the care team.');
  await expect(page.getByRole('row', { name: /Jo Patel/ })).toContainText('High Street Pharmacy');
  await page.getByRole('link', { name: 'Remove Jo Patel' }).click();
  await expect(page.getByText('Remove Jo Patel from the care team?')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Yes, remove Jo Patel' }).click();
  await expect(page.getByRole('row', { name: /Jo Patel/ })).toHaveCount(0);

  // Correct a timeline entry: the original stays, marked as corrected
  await page.goto(record);
  await page.getByRole('link', { name: /Correct this entry.*Record created/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Correct a timeline entry' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add correction' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Enter the correction');
  await page.getByLabel('Correction').fill('Referred by the practice nurse, not the GP.');
  await page.getByRole('button', { name: 'Add correction' }).click();
  await page.waitForURL(record);
  await expect(page.getByRole('heading', { name: /Correction to “Record created/ })).toBeVisible();
  await expect(page.getByText('Corrected', { exact: true })).toBeVisible();
});

test('an admin can reach the new-organisation form and is told what is missing', async ({ browser }) => {
  const admin = await browser.newContext({ storageState: statePath('admin') });
  const page = await admin.newPage();
  await page.goto('/admin/organisations/new');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add organisation' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Enter the organisation’s name');
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Choose the type of organisation');
  await page.getByLabel('Name').fill(`Eastgate Surgery ${Date.now() % 10000}`);
  await page.getByLabel('Type').selectOption({ label: 'GP practice' });
  await page.getByLabel('Navigator team (GP practices only)').selectOption({ label: 'Riverside Care Navigation Team' });
  await page.getByRole('button', { name: 'Add organisation' }).click();
  await page.waitForURL('/admin');
  await expect(page.getByRole('row', { name: /Eastgate Surgery/ })).toContainText('Riverside Care Navigation Team');
  await admin.close();
});
