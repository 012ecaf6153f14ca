import { expect, test } from '@playwright/test';
import { createPerson, expectAccessible, statePath } from './helpers';

test.use({ storageState: statePath('navigator') });

// #18: a care-team page once carried every member of staff in the system as a drop-down; now a colleague is searched for.
test('a navigator finds a colleague by keyboard and adds them to the care team', async ({ page }) => {
  const record = await createPerson(page, { givenName: 'Winifred', familyName: `Search${Date.now() % 100000}` });
  await page.goto(`${record}/care-team`);
  await expect(page.getByLabel('Colleague', { exact: true })).toHaveCount(0);
  const search = page.getByLabel('Search staff by name or organisation');

  await search.fill('zzqx');
  await search.press('Enter');
  await expect(page.getByRole('status')).toHaveText(
    'No colleague matches “zzqx”. Check the spelling, or try part of their name or organisation.',
  );
  await expect(page.getByRole('button', { name: 'Add colleague' })).toHaveCount(0);
  await expectAccessible(page);

  await search.fill('liam walsh');
  await search.press('Enter');
  await expect(page.getByRole('status')).toHaveText('One colleague matching “liam walsh”.');
  const colleague = page.getByLabel('Colleague', { exact: true });
  await expect(colleague.locator('option')).toHaveCount(2);
  await expectAccessible(page);
  // By keyboard: into the list, down to the one match, on to the role, and Enter sends the form.
  await colleague.focus();
  await colleague.press('ArrowDown');
  await expect(colleague).not.toHaveValue('');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Role in the care team (optional)')).toBeFocused();
  await page.keyboard.type('Care Act assessment');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Added to the care team.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Liam Walsh/ })).toContainText('Care Act assessment');
  await expectAccessible(page);
});

test('the access log pages back through older entries and returns to the newest', async ({ page }) => {
  const record = await createPerson(page, { givenName: 'Albert', familyName: `Pages${Date.now() % 100000}` });
  // Each opening of the record is recorded several times over (summary, timeline, work): enough for two pages.
  for (let i = 0; i < 8; i++) await page.goto(record);
  await page.goto(`${record}/access`);
  await expect(page.getByRole('table', { name: 'Accesses, newest first' }).locator('tbody tr')).toHaveCount(25);
  await page.getByRole('link', { name: 'Show older' }).click();
  await page.waitForURL(/\/access\?before=/);
  await expect(page.getByRole('table', { name: 'Accesses, newest first' }).locator('tbody tr').first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Back to the newest' }).click();
  await page.waitForURL(new RegExp(`${record}/access$`));
  await expect(page.getByRole('link', { name: 'Show older' })).toBeVisible();
});
