import { expect, test, type Page } from '@playwright/test';
import { addDaysIso, todayInEngland } from '../server/calendar/england-time';
import { expectAccessible, freshNhsNumber, statePath } from './helpers';

test.use({ storageState: statePath('hospital') });

const details = {
  contact: 'Ward 9 discharge desk, ext 4409',
  concern: 'Lives alone since her husband died; unsteady on the stairs.',
  ask: 'Phone her the day after she gets home.',
};

/** Fills in the discharge of Edith Crowther, new to carenav, home on pathway 0 in `days` days, and sends it. */
async function flagEdith(page: Page, days: number) {
  await page.getByLabel('Given name').fill('Edith');
  await page.getByLabel('Family name').fill('Crowther');
  await page.getByLabel('GP practice').selectOption({ index: 1 });
  await page.getByLabel('How to reach you').fill(details.contact);
  await page.getByLabel('Expected date of discharge').fill(addDaysIso(todayInEngland(), days));
  await page.getByLabel('Pathway 0: home, no new support').check();
  await page.getByLabel('Medium').check();
  await page.getByLabel('What worries you about this discharge').fill(details.concern);
  await page.getByLabel('What are you asking the team to do').fill(details.ask);
  await page.getByLabel('Yes').check();
  await page.getByRole('button', { name: 'Flag the discharge' }).click();
}

const spaced = (nhs: string) => `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`;

test('hospital flag: the hospital is chosen from the directory and remembered; a wrong date of birth gets one message at the search, with what was searched kept (#17 items 7, 22)', async ({
  page,
  browser,
}) => {
  // An administrator adds a second hospital to the directory.
  const admin = await (await browser.newContext({ storageState: statePath('admin') })).newPage();
  const hospitalName = `St Ebba’s Hospital ${Date.now() % 100000}`;
  await admin.goto('/admin/organisations/new');
  await admin.getByLabel('Name', { exact: true }).fill(hospitalName);
  await admin.getByLabel('Type').selectOption({ label: 'Hospital trust' });
  await admin.getByRole('button', { name: 'Add organisation' }).click();
  await admin.waitForURL(/\/admin$/);

  // Someone carenav does not know yet: the search says so, showing what was searched.
  const nhsNumber = freshNhsNumber();
  await page.goto('/discharges/new');
  await page.getByLabel('NHS number').fill(nhsNumber);
  await page.getByLabel('Date of birth').fill('1940-03-03');
  await page.getByRole('button', { name: 'Find the person' }).click();
  await expect(page.locator('.nhsuk-warning-callout')).toContainText(
    `Nobody in carenav has NHS number ${spaced(nhsNumber)}, born 3 Mar 1940`,
  );
  await expectAccessible(page);
  // The hospital is a choice from the directory, not typed.
  const hospital = page.getByLabel('Hospital', { exact: true });
  await expect(hospital.locator('option', { hasText: hospitalName })).toHaveCount(1);
  await hospital.selectOption({ label: hospitalName });
  await flagEdith(page, 2);
  await page.waitForURL(/\/discharges\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Discharge of Edith Crowther' })).toBeVisible();
  await expect(page.locator('.nhsuk-summary-list')).toContainText(hospitalName);
  // Pathway 0 (home, no new support): no care package or equipment to arrange.
  const checklist = page.getByRole('table', { name: 'Checklist tasks' });
  await expect(checklist).toContainText('Medication ready');
  await expect(checklist).not.toContainText('Care package confirmed');
  await expect(checklist).not.toContainText('Equipment delivered');
  await expect(page.getByText(/^0 of \d+ done/)).toBeVisible();
  await expectAccessible(page);

  // Next time: the hospital chosen last is chosen already. A wrong date of birth for her NHS number…
  await page.goto('/discharges/new');
  await page.getByLabel('NHS number').fill(nhsNumber);
  await page.getByLabel('Date of birth').fill('1941-04-04');
  await page.getByRole('button', { name: 'Find the person' }).click();
  await expect(page.locator('.nhsuk-warning-callout')).toContainText(`NHS number ${spaced(nhsNumber)}, born 4 Apr 1941`);
  await expect(page.getByLabel('Hospital', { exact: true }).locator('option:checked')).toHaveText(hospitalName);
  await flagEdith(page, 3);

  // …is answered once, on the search, with what was searched filled in: no contradicting "create their record".
  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary.locator('li')).toHaveCount(1);
  await expect(summary).toContainText(
    'No record matches this NHS number and date of birth, and a new record cannot be made with this NHS number',
  );
  await expect(page.locator('.nhsuk-warning-callout')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Create their record' })).toHaveCount(0);
  // Every link in the summary goes to a field on the page.
  for (const href of await summary.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
    await expect(page.locator(`input${href}`)).toBeVisible();
  }
  await expect(page.getByLabel('NHS number')).toHaveValue(nhsNumber);
  await expect(page.getByLabel('Date of birth')).toHaveValue('1941-04-04');
  await expect(page.getByText('What you entered about the discharge is kept')).toBeVisible();
  await expectAccessible(page);

  // With the right date of birth she is found, and nothing typed about the discharge was lost.
  await page.getByLabel('Date of birth').fill('1940-03-03');
  await page.getByRole('button', { name: 'Find the person' }).click();
  await expect(page.getByText('Edith Crowther, registered at')).toBeVisible();
  await expect(page.getByLabel('What worries you about this discharge')).toHaveValue(details.concern);
  await expect(page.getByLabel('How to reach you')).toHaveValue(details.contact);
  await expect(page.getByLabel('Hospital', { exact: true }).locator('option:checked')).toHaveText(hospitalName);
  await expectAccessible(page);
});
