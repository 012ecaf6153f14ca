import { expect, test } from '@playwright/test';
import { createPerson, expectAccessible, openRecord, statePath } from './helpers';

test('navigator refers to housing → housing picks it up and completes it → the navigator sees the outcome; housing cannot open an unrelated person', async ({
  browser,
}) => {
  // Three people's journey through two roles: about 40 s alone, longer while the whole suite runs.
  test.setTimeout(120_000);
  const navigator = await (await browser.newContext({ storageState: statePath('navigator') })).newPage();
  const housing = await (await browser.newContext({ storageState: statePath('housing') })).newPage();
  const person = 'Kenneth Greenwood';
  const record = await openRecord(navigator, person);

  await navigator.getByRole('link', { name: 'Refer to a service' }).click();
  await expect(navigator.getByRole('heading', { level: 1, name: 'Refer to a service' })).toBeVisible();
  await expectAccessible(navigator);
  await navigator.getByLabel('Service name, provider or area').fill('Tenancy');
  await navigator.getByRole('button', { name: 'Find services' }).click();
  await navigator.getByLabel('Tenancy sustainment and home adaptations').check();
  // What the person wants comes from "about me": they do not tell their story again.
  await expect(navigator.getByLabel('What the person wants')).not.toHaveValue('');
  const reason = `Grab rails in the bathroom, please (${Date.now() % 100000})`;
  await navigator.getByRole('button', { name: 'Send the referral' }).click();
  await expect(navigator.locator('#reason--error-message')).toContainText('Enter the reason for the referral');
  await expect(navigator.locator('#urgency--error-message')).toContainText('Choose how urgent it is');
  await expectAccessible(navigator);
  await navigator.getByLabel('Reason for the referral').fill(reason);
  await navigator.getByLabel('Soon').check();
  await navigator.getByRole('button', { name: 'Send the referral' }).click();
  await navigator.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
  const referralPath = new URL(navigator.url()).pathname;
  await expect(navigator.getByRole('heading', { level: 1, name: 'Referral to Tenancy sustainment and home adaptations' })).toBeVisible();
  await expect(navigator.getByText(/This referral is sent, waiting to be picked up: a response is due by/)).toBeVisible();
  await expectAccessible(navigator);

  // Housing sees it in the team inbox.
  await housing.goto('/referrals');
  await expect(housing.getByRole('heading', { level: 1, name: 'Referrals' })).toBeVisible();
  await expectAccessible(housing);
  await housing.locator(`a[href="${referralPath}"]`).click();
  await expect(housing.getByText(reason).first()).toBeVisible();
  await expectAccessible(housing);
  // Declining needs a reason.
  await housing.getByText('Decline this referral').click();
  await housing.getByRole('button', { name: 'Decline the referral' }).click();
  await expect(housing.locator('#reason--error-message')).toContainText('Enter why the referral is declined');
  // Picking it up accepts it, and says so.
  await housing.getByRole('button', { name: 'Pick up and accept' }).click();
  await expect(housing.getByRole('status')).toContainText('You have picked up this referral');
  await expect(housing.locator('.nhsuk-tag', { hasText: 'Accepted' })).toBeVisible();
  await housing.getByLabel('Successful', { exact: true }).check();
  await housing.getByLabel('Note for the referrer (optional)').fill('Rails fitted on Tuesday.');
  await housing.getByRole('button', { name: 'Complete the referral' }).click();
  // Finished work goes back to the team's referrals, confirmed, and the referral is under Completed.
  await housing.waitForURL('/referrals?done=completed');
  await expect(housing.getByRole('status')).toContainText('Referral completed.');
  await housing.getByRole('status').getByRole('link', { name: 'Completed' }).click();
  await housing.locator(`a[href="${referralPath}"]`).click();
  await expect(housing.getByRole('heading', { name: 'Outcome' })).toBeVisible();
  await expectAccessible(housing);

  // The navigator sees the outcome on the referral and the timeline.
  await navigator.goto(referralPath);
  await expect(navigator.getByText('Successful. Rails fitted on Tuesday.')).toBeVisible();
  await navigator.goto(record);
  await expect(
    navigator
      .locator('.carenav-timeline')
      .getByRole('heading', { name: 'Referral to Tenancy sustainment and home adaptations completed: successful' })
      .first(),
  ).toBeVisible();
  await navigator.goto('/referrals?view=sent');
  await expectAccessible(navigator);

  // An unrelated person's record is a 403 for housing.
  const unrelated = await openRecord(navigator, 'Arthur Harrison');
  const response = await housing.goto(unrelated);
  expect(response?.status()).toBe(403);
  await expect(housing.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  await expectAccessible(housing);
});

test.describe('the service directory', () => {
  test.use({ storageState: statePath('admin') });

  test('an admin imports an Open Referral UK file and sees what was created, updated and skipped', async ({ page }) => {
    await page.goto('/admin/services');
    await expect(page.getByRole('heading', { level: 1, name: 'Service directory' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.locator('#file--error-message')).toContainText('Choose a JSON file to import');
    await page.getByLabel('Open Referral UK file (JSON)').setInputFiles('e2e/fixtures/northshire-counselling.json');
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.getByRole('status')).toContainText(/Imported northshire-counselling\.json: [01] created, [01] updated, 0 skipped/);
    await expect(page.getByRole('link', { name: 'Community Counselling' })).toBeVisible();
    await page.getByLabel('New reason').fill(`Moved out of the area ${Date.now() % 100000}`);
    await page.getByRole('button', { name: 'Add reason' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Reason added.' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Befriending and lunch clubs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Befriending and lunch clubs' })).toBeVisible();
    await expectAccessible(page);
  });
});

test('a navigator hands a person to a social worker, who must accept before becoming named contact', async ({ browser }) => {
  const navigator = await (await browser.newContext({ storageState: statePath('navigator') })).newPage();
  const social = await (await browser.newContext({ storageState: statePath('socialworker') })).newPage();
  const record = await createPerson(navigator, { givenName: 'Iris', familyName: `Handover${Date.now() % 100000}` });
  const name = (await navigator.getByRole('heading', { level: 1 }).innerText()).trim();
  await navigator.getByRole('link', { name: /Change named contact/ }).click();
  await expectAccessible(navigator);
  // Whom to hand over to is searched for (a whole ICS has hundreds of navigators and social workers).
  await navigator.getByLabel('Search navigators and social workers').fill('walsh');
  await navigator.getByLabel('Search navigators and social workers').press('Enter');
  await expect(navigator.getByRole('status')).toHaveText('One person matching “walsh”.');
  await expectAccessible(navigator);
  await navigator.getByRole('button', { name: 'Offer the hand-over' }).click();
  await expect(navigator.locator('#toUserId--error-message')).toContainText('Choose who to hand over to');
  await navigator.getByLabel('Hand over to').selectOption({ label: 'Liam Walsh, Social worker, older people’s team' });
  await navigator.getByLabel('Note for them (optional)').fill('Care Act assessment now leads.');
  await navigator.getByRole('button', { name: 'Offer the hand-over' }).click();
  await navigator.waitForURL(record);
  await expect(navigator.getByText(/Hand-over pending/)).toBeVisible();
  await expect(navigator.locator('.nhsuk-card')).toContainText('Nadia Hussain');

  // Until accepted the social worker has no access to the record.
  expect((await social.goto(record))?.status()).toBe(403);
  await social.goto('/referrals');
  await expect(social.getByText(`Nadia Hussain asks you to become named contact for ${name}.`)).toBeVisible();
  await expectAccessible(social);
  await social.getByRole('button', { name: new RegExp(`^Accept\\W+${name}$`) }).click();
  await social.waitForURL('/referrals?done=handoff-accept');
  await expect(social.getByRole('status')).toHaveText(
    'Hand-over accepted: you are now the person’s named contact. Whoever offered it has been told.',
  );
  await expect(social.getByText(`asks you to become named contact for ${name}`)).toHaveCount(0);
  await expectAccessible(social);
  await social.goto(record);
  await expect(social.locator('.nhsuk-card')).toContainText('Liam Walsh');
});
