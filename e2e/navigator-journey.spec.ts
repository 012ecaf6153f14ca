import { expect, test } from '@playwright/test';
import { createPerson, expectAccessible, freshNhsNumber, statePath } from './helpers';

test.use({ storageState: statePath('navigator') });

test('a navigator creates a person, edits about me, records consent and adds a note that shows on the timeline', async ({ page }) => {
  const record = await createPerson(page, { givenName: 'Winifred', familyName: `Ashby${Date.now() % 100000}` });
  await expect(page.locator('.carenav-timeline').getByRole('heading', { name: /Record created for Winifred/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Named contact' })).toBeVisible();
  await expect(page.locator('.nhsuk-card')).toContainText('Nadia Hussain');
  // The named contact is on the care team from the start, not "Nobody yet" (#17 item 14).
  await expect(page.getByText(/^Nadia Hussain, named contact \(/)).toBeVisible();
  await expectAccessible(page);

  // Why can I see this?
  await page.getByText('Why can I see this?').click();
  await expect(page.getByText(/because you are this person’s named contact/)).toBeVisible();

  // About me
  await page.getByRole('link', { name: 'Edit about me' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'About me' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('What matters to me').fill('Getting back to my allotment by spring.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForURL(record);
  await expect(page.getByText('Getting back to my allotment by spring.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'About me updated: what matters to me' })).toBeVisible();

  // Consent
  await page.getByRole('link', { name: 'Consent', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Decisions in force' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Housing').check();
  await page.getByLabel('Granted').check();
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('status')).toContainText('Consent decision recorded.');
  const housingRow = page.getByRole('row', { name: /^Housing/ }).first();
  await expect(housingRow).toContainText('Granted');
  await expectAccessible(page);

  // A note on the timeline
  await page.getByRole('link', { name: 'Record and timeline' }).click();
  await page.getByText('Add a note or contact').click();
  await page.getByLabel('A contact with the person').check();
  await page.getByLabel('How').selectOption('home_visit');
  await page.getByLabel('What happened').fill('Visited at home: boiler fixed, feeling brighter.');
  await page.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(page.getByRole('status')).toContainText('Added to the timeline.');
  const timeline = page.locator('.carenav-timeline');
  await expect(timeline.getByText('Visited at home: boiler fixed, feeling brighter.')).toBeVisible();
  await expect(timeline.locator('li', { hasText: 'Visited at home' })).toContainText('Home visit');
  await expect(timeline.getByRole('heading', { name: /Consent to share with housing: granted/ })).toBeVisible();
  await expectAccessible(page);

  // The sector filter keeps only that sector's entries.
  await page.getByRole('link', { name: 'Housing', exact: true }).click();
  await expect(page.getByText('Nothing from housing yet.')).toBeVisible();
});

test('an invalid NHS number shows the message at the field and creates nothing', async ({ page }) => {
  await page.goto('/patients/new');
  await page.getByLabel('NHS number').fill('9434765918');
  await page.getByLabel('Given name').fill('Test');
  await page.getByLabel('Family name').fill('Invalid');
  await page.getByLabel('Date of birth').fill('1940-01-01');
  await page.getByLabel('Registered GP practice').selectOption({ label: 'Riverside Medical Practice' });
  await page.getByRole('button', { name: 'Create record' }).click();
  const fieldMessage = page
    .locator('.nhsuk-form-group--error')
    .filter({ has: page.getByLabel('NHS number') })
    .locator('.nhsuk-error-message');
  await expect(fieldMessage).toContainText('NHS number is not valid: check the digits');
  await expect(page.locator('.nhsuk-error-summary')).toContainText('NHS number');
  await expect(page).toHaveURL(/\/patients\/new$/);
  await expect(page.getByLabel('Given name')).toHaveValue('Test');
  await expectAccessible(page);
});

test('a duplicate NHS number links to the existing record instead of creating another', async ({ page }) => {
  const nhsNumber = freshNhsNumber();
  const record = await createPerson(page, { givenName: 'Cyril', familyName: 'Duplicate', nhsNumber });
  await page.goto('/patients/new');
  await page.getByLabel('NHS number').fill(nhsNumber);
  await page.getByLabel('Given name').fill('Cyril');
  await page.getByLabel('Family name').fill('Again');
  await page.getByLabel('Date of birth').fill('1942-05-17');
  await page.getByLabel('Registered GP practice').selectOption({ label: 'Riverside Medical Practice' });
  await page.getByRole('button', { name: 'Create record' }).click();
  await expect(page.getByText('This person already has a record')).toBeVisible();
  await page.getByRole('link', { name: 'Open the existing record' }).click();
  await page.waitForURL(record);
});

test('the caseload lists my people, toggles to my team and sorts by last contact', async ({ page }) => {
  await page.goto('/caseload');
  await expect(page.getByRole('heading', { level: 1, name: 'My caseload' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'My team’s caseload' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My team’s caseload' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Named contact' })).toBeVisible();
  await page.getByRole('link', { name: 'Sort by last contact' }).click();
  await expect(page.getByText('Sorted by last contact, longest ago first.')).toBeVisible();
  await expectAccessible(page);
});

test('search finds people by name prefix, with the NHS number kept out of the URL', async ({ page }) => {
  await page.goto('/patients');
  await page.getByLabel('Name or NHS number').fill('Margaret');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('table')).toContainText('Margaret');
  await expect(page).toHaveURL(/\/patients$/);
  await expectAccessible(page);
  await page.getByLabel('Name or NHS number').fill('zz');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No matching people')).toBeVisible();
});

test('editing a record someone else changed shows a conflict, not a silent overwrite', async ({ page, browser }) => {
  const record = await createPerson(page, { givenName: 'Edna', familyName: 'Conflict' });
  await page.goto(`${record}/edit`);
  const other = await browser.newContext({ storageState: statePath('navigator') });
  const otherPage = await other.newPage();
  await otherPage.goto(`${record}/edit`);
  await otherPage.getByLabel('Next action').fill('Call the daughter');
  await otherPage.getByRole('button', { name: 'Save changes' }).click();
  await otherPage.waitForURL(record);
  await other.close();

  await page.getByLabel('Next action').fill('Book a review');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Someone else changed this record since you opened it');
  await page.goto(record);
  await expect(page.getByText('Call the daughter')).toBeVisible();
});
