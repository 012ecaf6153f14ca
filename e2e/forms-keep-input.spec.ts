import { expect, test, type Page } from '@playwright/test';
import { createPerson, expectAccessible, openRecord, statePath } from './helpers';

// #17 item 5: every form keeps every value after an error (selects, radios, checkboxes, dates,
// textareas), and item 6: a referral that needs consent lets the consent be recorded in place.

/** Tomorrow in England as YYYY-MM-DD (a date in the future for a date field). */
const tomorrow = () => new Date(Date.now() + 36 * 3_600_000).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

/** Each line of the error summary names its field once ("My strengths: My strengths…" is the bug). */
async function expectNoRepeatedNames(page: Page) {
  for (const line of await page.locator('.nhsuk-error-summary li').allInnerTexts()) {
    const [before, after] = line.split(/:\s/, 2);
    if (before && after) expect(after.toLowerCase().startsWith(before.toLowerCase()), line).toBe(false);
  }
}

test.describe('as a navigator', () => {
  test.use({ storageState: statePath('navigator') });

  test('the wellbeing form keeps all four scores, the kind and the date after an error', async ({ page }) => {
    await openRecord(page, 'Hazel Dobson');
    await page.getByRole('link', { name: 'Wellbeing' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Wellbeing (ONS4)' })).toBeVisible();
    await page.getByLabel('Baseline').check();
    const scores = [
      ['satisfied are you with your life', '6'],
      ['worthwhile', '7'],
      ['how happy did you feel', '3'],
      ['how anxious did you feel', '9'],
    ] as const;
    for (const [label, score] of scores) await page.getByLabel(new RegExp(label)).selectOption(score);
    const future = tomorrow();
    await page.getByLabel('Date answered').fill(future);
    await page.getByRole('button', { name: 'Record scores' }).click();
    await expect(page.locator('.nhsuk-error-summary')).toContainText('Date answered cannot be in the future');
    for (const [label, score] of scores) await expect(page.getByLabel(new RegExp(label))).toHaveValue(score);
    await expect(page.getByLabel('Baseline')).toBeChecked();
    await expect(page.getByLabel('Date answered')).toHaveValue(future);
    await expectNoRepeatedNames(page);
    await expectAccessible(page);
  });

  test('a timeline entry keeps its kind (radios), how (select), carer tick (checkbox) and date, and every problem is told at once', async ({
    page,
  }) => {
    await openRecord(page, 'Hazel Dobson');
    await page.getByText('Add a note or contact').click();
    await page.getByLabel('A contact with the person').check();
    await page.getByLabel('How', { exact: true }).selectOption('home_visit');
    await page.getByLabel('When it happened').fill('1900-01-01T09:00');
    await page.getByLabel('Family carers can see this entry').check();
    await page.getByRole('button', { name: 'Add to timeline' }).click();
    // Both problems on the first submission (#17 items 12 and 13), each naming its field once.
    const summary = page.locator('.nhsuk-error-summary');
    await expect(summary).toContainText('When it happened cannot be more than a year ago');
    await expect(summary).toContainText('Enter what happened');
    await expectNoRepeatedNames(page);
    await expect(page.getByLabel('A contact with the person')).toBeChecked();
    await expect(page.getByLabel('How', { exact: true })).toHaveValue('home_visit');
    await expect(page.getByLabel('When it happened')).toHaveValue('1900-01-01T09:00');
    await expect(page.getByLabel('Family carers can see this entry')).toBeChecked();
    await expectAccessible(page);
  });

  test('a referral that needs consent: the consent is recorded in place and the referral, as typed, is then sent (#17 item 6)', async ({
    page,
  }) => {
    await createPerson(page, { givenName: 'Ivy', familyName: `Consentless ${Date.now() % 100000}` });
    await page.getByRole('link', { name: 'Refer to a service' }).click();
    await page.getByLabel('Service name, provider or area').fill('Tenancy');
    await page.getByRole('button', { name: 'Find services' }).click();
    await page.getByLabel('Tenancy sustainment and home adaptations').check();
    const reason = `Damp in the bedroom, she wants help with the landlord (${Date.now() % 100000})`;
    await page.getByLabel('Reason for the referral').fill(reason);
    await page.getByLabel('Routine', { exact: true }).check();
    await page.getByLabel('What the person wants').fill('To stay in her flat, warm and dry');
    await page.getByRole('button', { name: 'Send the referral' }).click();

    // Refused for want of consent: the consent can be recorded here, and nothing typed is lost.
    await expect(page.locator('.nhsuk-error-summary')).toContainText('consent');
    const consent = page.getByRole('region', { name: 'Record the person’s consent' });
    await expect(consent).toContainText('Sharing with: housing');
    await expect(page.getByLabel('Reason for the referral')).toHaveValue(reason);
    await expectAccessible(page);
    await consent.getByLabel('Granted').check();
    await consent.getByRole('button', { name: 'Record decision' }).click();
    await expect(consent.getByRole('status')).toContainText('Consent decision recorded.');
    await expectAccessible(page);

    await expect(page.getByLabel('Tenancy sustainment and home adaptations')).toBeChecked();
    await expect(page.getByLabel('Reason for the referral')).toHaveValue(reason);
    await expect(page.getByLabel('Routine', { exact: true })).toBeChecked();
    await expect(page.getByLabel('What the person wants')).toHaveValue('To stay in her flat, warm and dry');
    await page.getByRole('button', { name: 'Send the referral' }).click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Referral to Tenancy sustainment and home adaptations' })).toBeVisible();
    await expect(page.getByText(reason).first()).toBeVisible();
    await expectAccessible(page);
  });
});

test('the referral completion form keeps "Not successful" and the note after an error', async ({ browser }) => {
  const navigator = await (await browser.newContext({ storageState: statePath('navigator') })).newPage();
  const housing = await (await browser.newContext({ storageState: statePath('housing') })).newPage();
  await openRecord(navigator, 'Kenneth Greenwood');
  await navigator.getByRole('link', { name: 'Refer to a service' }).click();
  await navigator.getByLabel('Service name, provider or area').fill('Tenancy');
  await navigator.getByRole('button', { name: 'Find services' }).click();
  await navigator.getByLabel('Tenancy sustainment and home adaptations').check();
  await navigator.getByLabel('Reason for the referral').fill(`A ramp at the front door (${Date.now() % 100000})`);
  await navigator.getByLabel('Urgent', { exact: true }).check();
  await navigator.getByRole('button', { name: 'Send the referral' }).click();
  await navigator.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
  const referral = new URL(navigator.url()).pathname;

  await housing.goto(referral);
  await housing.getByRole('button', { name: 'Pick up and accept' }).click();
  await expect(housing.locator('.nhsuk-tag', { hasText: 'Accepted' })).toBeVisible();
  await housing.getByLabel('Not successful').check();
  await expect(housing.getByLabel('Why not?')).toBeVisible();
  await housing.getByLabel('Note for the referrer (optional)').fill('Landlord refused the works.');
  await housing.getByRole('button', { name: 'Complete the referral' }).click();
  await expect(housing.locator('.nhsuk-error-summary')).toContainText('Choose why it was not successful');
  await expect(housing.getByLabel('Not successful')).toBeChecked();
  await expect(housing.getByLabel('Why not?')).toBeVisible();
  await expect(housing.getByLabel('Note for the referrer (optional)')).toHaveValue('Landlord refused the works.');
  await expectNoRepeatedNames(housing);
  await expectAccessible(housing);
});
