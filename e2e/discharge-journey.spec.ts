import { expect, test, type Page } from '@playwright/test';
import { format, parse } from 'date-fns';
import { addDaysIso, todayInEngland } from '../server/calendar/england-time';
import { createPerson, expectAccessible, statePath } from './helpers';

test.use({ storageState: statePath('navigator') });

/** Reads a person's NHS number and date of birth from their record, as their navigator sees them. */
async function identityOf(page: Page, name: string) {
  await page.goto('/patients');
  await page.getByLabel('Name or NHS number').fill(name);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name }).click();
  const caption = await page.locator('.nhsuk-caption-l').first().innerText();
  const match = /NHS number ([\d ]+) · Born (\d{1,2} \w{3} \d{4})/.exec(caption);
  if (!match) throw new Error(`no identity in "${caption}"`);
  return { nhsNumber: match[1]!.replace(/\s/g, ''), dateOfBirth: format(parse(match[2]!, 'd MMM yyyy', new Date()), 'yyyy-MM-dd') };
}

test('hospital flags a discharge for a demo person → navigator works the checklist and follows up → hospital sees the outcome', async ({
  browser,
}) => {
  const navigator = await (await browser.newContext({ storageState: statePath('navigator') })).newPage();
  const hospital = await (await browser.newContext({ storageState: statePath('hospital') })).newPage();
  const person = 'Arthur Harrison';
  const identity = await identityOf(navigator, person);

  // The hospital discharge coordinator finds the person by exact NHS number and date of birth.
  await hospital.goto('/discharges');
  await expect(hospital.getByRole('heading', { level: 1, name: 'Discharges' })).toBeVisible();
  await expectAccessible(hospital);
  await hospital.getByRole('link', { name: 'Flag a risky discharge' }).click();
  await hospital.getByRole('button', { name: 'Find the person' }).click();
  await expect(hospital.locator('.nhsuk-error-summary')).toContainText('Enter the person’s 10-digit NHS number');
  await hospital.getByLabel('NHS number').fill(identity.nhsNumber);
  await hospital.getByLabel('Date of birth').fill(identity.dateOfBirth);
  await hospital.getByRole('button', { name: 'Find the person' }).click();
  await expect(hospital.getByText(`${person}, registered at`)).toBeVisible();
  await expectAccessible(hospital);

  // Missing and contradictory answers are refused at the field.
  await hospital.getByRole('button', { name: 'Flag the discharge' }).click();
  await expect(hospital.locator('#flaggerContact--error-message')).toContainText('Enter how the team can reach you');
  await expect(hospital.locator('#carerConsulted--error-message')).toContainText('Say whether the carer was consulted');
  await expectAccessible(hospital);
  await hospital.getByLabel('How to reach you').fill('Ward 12 discharge desk, ext 4412');
  await hospital.getByLabel('Ward (optional)').fill('Ward 12');
  // Two days ahead: on the day itself, a late-afternoon run would find the checklist already overdue.
  await hospital.getByLabel('Expected date of discharge').fill(addDaysIso(todayInEngland(), 2));
  await hospital.getByLabel('Pathway 0: home, no new support').check();
  await hospital.getByLabel('Care visits per day on return').fill('2');
  await hospital.getByLabel('Care provider, if known').fill('Helping Hands Northshire');
  await hospital.getByLabel('High').check();
  await hospital.getByLabel('What worries you about this discharge').fill('Lives alone; keys are with his son, who is away.');
  await hospital.getByLabel('What are you asking the team to do').fill('Visit within a day of getting home.');
  await hospital.getByLabel('Yes').check();
  await hospital.getByRole('button', { name: 'Flag the discharge' }).click();
  await expect(hospital.locator('#careVisitsPerDay--error-message')).toContainText('Pathway 0 means no new support');
  await hospital.getByLabel('Pathway 1: home with new support').check();
  await hospital.getByRole('button', { name: 'Flag the discharge' }).click();
  await hospital.waitForURL(/\/discharges\/[0-9a-f-]{36}$/);
  const dischargePath = new URL(hospital.url()).pathname;
  await expect(hospital.getByRole('heading', { level: 1, name: `Discharge of ${person}` })).toBeVisible();
  // (The admin spec may be changing the checklist template at the same time, so counts are not fixed here.)
  await expect(hospital.getByText(/^0 of \d+ done/)).toBeVisible();
  // Hospital staff see the discharge, never the record itself.
  await expect(hospital.getByRole('link', { name: /’s record/ })).toHaveCount(0);
  await expectAccessible(hospital);

  // The navigator sees it on the worklist, with its checklist in the team queue.
  await navigator.goto('/discharges');
  const row = navigator.getByRole('row', { name: new RegExp(person) });
  await expect(row).toContainText('Flagged');
  await expect(row).toContainText(/0 of \d+ done/);
  await expectAccessible(navigator);
  await navigator.goto('/tasks?view=team');
  await expect(navigator.getByRole('row', { name: /Medication ready/ }).filter({ hasText: person })).toBeVisible();
  await expectAccessible(navigator);

  await navigator.goto(dischargePath);
  await expectAccessible(navigator);
  for (const title of ['Care package confirmed', 'Keys and access sorted', 'Medication ready', 'Equipment delivered']) {
    await navigator.getByRole('button', { name: new RegExp(`^Pick up\\W+${title}$`) }).click();
    await navigator.getByRole('button', { name: new RegExp(`^Mark done\\W+${title}$`) }).click();
    await expect(navigator.getByRole('row', { name: new RegExp(title) })).toContainText('Done');
  }
  await expect(navigator.getByText(/^4 of \d+ done/)).toBeVisible();

  // Home: the follow-up becomes due 24 hours from now.
  await navigator.getByRole('button', { name: 'Mark as planned' }).click();
  await expect(navigator.locator('.nhsuk-tag', { hasText: 'Planned' })).toBeVisible();
  await navigator.getByRole('button', { name: 'Mark as home' }).click();
  await expect(navigator.locator('.nhsuk-tag', { hasText: /^Home$/ })).toBeVisible();
  await navigator.getByRole('button', { name: /^Pick up\W+Follow-up contact within 24 hours/ }).click();
  await navigator.getByRole('link', { name: /^Record the follow-up\W+Follow-up contact/ }).click();
  await expect(navigator.getByRole('heading', { level: 1, name: 'Follow-up contact within 24 hours of getting home' })).toBeVisible();
  await expectAccessible(navigator);
  await navigator.getByRole('button', { name: 'Record the follow-up' }).click();
  await expect(navigator.locator('#outcome--error-message')).toContainText('Enter the outcome of the follow-up contact');
  await navigator.getByLabel('Outcome of the follow-up contact').fill('Visited: carers started this morning, keys in key safe, settled.');
  await navigator.getByRole('button', { name: 'Record the follow-up' }).click();
  await navigator.waitForURL(`${dischargePath}?done=followed-up`);
  await expect(navigator.getByRole('status')).toHaveText('Follow-up contact recorded. Whoever flagged the discharge can see the outcome.');
  await expect(navigator.getByText(/Followed up on .* by Nadia Hussain: Visited: carers started/)).toBeVisible();

  // Every step is on the person's timeline.
  await navigator.getByRole('link', { name: `Open ${person}’s record` }).click();
  const timeline = navigator.locator('.carenav-timeline');
  await expect(timeline.getByRole('heading', { name: /Risky discharge flagged/ })).toBeVisible();
  await expect(timeline.getByRole('heading', { name: 'Discharge followed up' })).toBeVisible();

  // The loop is closed for the hospital: outcome on their list (the followed-up ones: all they ever
  // flagged is more than a page), and a notification.
  await hospital.goto('/discharges?status=followed_up');
  await expect(hospital.getByRole('row', { name: new RegExp(person) })).toContainText('Followed up on');
  await expect(hospital.getByRole('row', { name: new RegExp(person) })).toContainText('Visited: carers started this morning');
  await expect(hospital.getByRole('link', { name: /Notifications \(\d+ unread\)/ })).toBeVisible();
  await hospital.getByRole('link', { name: /Notifications/ }).click();
  await expect(hospital.getByRole('heading', { name: new RegExp(`${person} was followed up on .* by Nadia Hussain`) })).toBeVisible();
  await expectAccessible(hospital);
  await hospital.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(hospital.getByText('You have no unread notifications.')).toBeVisible();
  // The header's count follows without a reload.
  await expect(hospital.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
});

test('a navigator adds a task by hand for themselves and finds it on their task list and the caseload', async ({ page }) => {
  const record = await createPerson(page, { givenName: 'Hazel', familyName: `Dobson${Date.now() % 100000}` });
  await page.getByRole('link', { name: 'Add a task' }).click();
  await page.waitForURL(/\/tasks\/new$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Add a task' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add the task' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Enter what needs doing');
  const title = `Chase the grab rail fitting ${Date.now() % 100000}`;
  await page.getByLabel('What needs doing').fill(title);
  await page.getByLabel('Who will do it').selectOption({ label: 'Me (Nadia Hussain)' });
  await page.getByRole('button', { name: 'Add the task' }).click();
  await page.waitForURL(`${record}#work`);
  await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
  await page.goto('/tasks');
  await expect(page.getByRole('row', { name: new RegExp(title) })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/tasks?view=overdue');
  await expectAccessible(page);
});
