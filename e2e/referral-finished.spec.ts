import { expect, test } from '@playwright/test';
import { createPerson, expectAccessible, statePath } from './helpers';

const SERVICE = 'Tenancy sustainment and home adaptations';

test('housing (not on the care team) picks up a referral and completes it → lands on /referrals confirmed, finds it under Completed, opens it read-only; no refusal on the Access tab (#17 items 2, 15)', async ({
  browser,
}) => {
  const navigator = await (await browser.newContext({ storageState: statePath('navigator') })).newPage();
  const housing = await (await browser.newContext({ storageState: statePath('housing') })).newPage();
  // A new person: housing is not on their care team, so the referral is housing's only link to them.
  const familyName = `Finished${Date.now() % 100000}`;
  const record = await createPerson(navigator, { givenName: 'Edna', familyName });
  const person = `Edna ${familyName}`;
  await navigator.getByRole('link', { name: 'Consent', exact: true }).click();
  await navigator.getByLabel('Housing').check();
  await navigator.getByLabel('Granted').check();
  await navigator.getByRole('button', { name: 'Record decision' }).click();
  await expect(navigator.getByRole('status')).toContainText('Consent decision recorded.');

  await navigator.goto(record);
  await navigator.getByRole('link', { name: 'Refer to a service' }).click();
  await navigator.getByLabel('Service name, provider or area').fill('Tenancy');
  await navigator.getByRole('button', { name: 'Find services' }).click();
  await navigator.getByLabel(SERVICE).check();
  await navigator.getByLabel('Reason for the referral').fill('Bathroom needs a level-access shower.');
  await navigator.getByLabel('What the person wants').fill('To wash without help.');
  await navigator.getByLabel('Soon').check();
  await navigator.getByRole('button', { name: 'Send the referral' }).click();
  await navigator.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
  const referralPath = new URL(navigator.url()).pathname;

  // Picking it up is confirmed on the referral.
  await housing.goto(referralPath);
  await housing.getByRole('button', { name: 'Pick up and accept' }).click();
  await housing.waitForURL(`${referralPath}?done=accepted`);
  await expect(housing.getByRole('status')).toHaveText(
    'You have picked up this referral: you are its owner, and the referrer has been told.',
  );
  await expect(housing.locator('.nhsuk-tag', { hasText: 'Accepted' })).toBeVisible();
  await expectAccessible(housing);

  // Completing it lands on their referrals with a confirmation, not on a page they may no longer see.
  await housing.getByLabel('Successful', { exact: true }).check();
  await housing.getByLabel('Note for the referrer (optional)').fill('Shower fitted on Monday.');
  await housing.getByRole('button', { name: 'Complete the referral' }).click();
  await housing.waitForURL('/referrals?done=completed');
  await expect(housing.getByRole('heading', { level: 1, name: 'Referrals' })).toBeVisible();
  await expect(housing.getByRole('status')).toContainText('Referral completed. The referrer has been told the outcome.');
  await expect(housing.getByRole('heading', { name: 'You do not have access to this page' })).toHaveCount(0);
  await expectAccessible(housing);

  // "Completed" lists it; it opens read-only, the referral and nothing else of the record.
  await housing.getByRole('navigation', { name: 'Which referrals' }).getByRole('link', { name: 'Completed' }).click();
  await housing.waitForURL('/referrals?view=completed');
  const row = housing.getByRole('row', { name: new RegExp(person) });
  await expect(row).toContainText(SERVICE);
  await expect(row).toContainText('Completed');
  await expectAccessible(housing);
  await row.getByRole('link', { name: person }).click();
  await housing.waitForURL(referralPath);
  await expect(housing.getByRole('heading', { level: 1, name: `Referral to ${SERVICE}` })).toBeVisible();
  await expect(housing.getByText('Successful. Shower fitted on Monday.')).toBeVisible();
  await expect(housing.getByText('Bathroom needs a level-access shower.').first()).toBeVisible();
  await expect(housing.getByText(/You worked on this referral and it is finished/)).toBeVisible();
  for (const step of ['Pick up and accept', 'Start work', 'Complete the referral', 'Decline the referral', 'Cancel the referral']) {
    await expect(housing.getByRole('button', { name: step })).toHaveCount(0);
  }
  await expect(housing.getByRole('heading', { name: /^About Edna/ })).toHaveCount(0);
  await expect(housing.getByRole('link', { name: /’s record/ })).toHaveCount(0);
  await expectAccessible(housing);

  // The person's Access tab (which a carer sees too) has no refusal for the housing officer.
  await navigator.goto(`${record}/access`);
  const housingRows = navigator.getByRole('row').filter({ hasText: 'Priya Shah' });
  await expect(housingRows.first()).toBeVisible();
  await expect(housingRows.filter({ hasText: 'Refused' })).toHaveCount(0);
  await expectAccessible(navigator);
});

test.describe('confirmations', () => {
  test.use({ storageState: statePath('navigator') });

  test('picking up a task and marking it done are confirmed on the page they return to (#17 item 15)', async ({ page }) => {
    const record = await createPerson(page, { givenName: 'Mabel', familyName: `Confirmed${Date.now() % 100000}` });
    await page.getByRole('link', { name: 'Add a task' }).click();
    const title = `Check the smoke alarm ${Date.now() % 100000}`;
    await page.getByLabel('What needs doing').fill(title);
    await page.getByLabel('Who will do it').selectOption({ label: 'Riverside Care Navigation Team: team queue' });
    await page.getByRole('button', { name: 'Add the task' }).click();
    await page.waitForURL(`${record}#work`);

    await page.goto('/tasks?view=team');
    await page.getByRole('button', { name: new RegExp(`^Pick up\\W+${title}$`) }).click();
    await page.waitForURL('/tasks?view=team&done=picked-up');
    await expect(page.getByRole('status')).toHaveText('You have picked up the task: it is in My tasks, and your name is on it.');
    await expectAccessible(page);

    await page.goto('/tasks');
    await page.getByRole('button', { name: new RegExp(`^Mark done\\W+${title}$`) }).click();
    await page.waitForURL('/tasks?view=mine&done=done');
    await expect(page.getByRole('status')).toHaveText('Task marked as done.');
    await expectAccessible(page);
  });
});
