import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { addDaysIso, todayInEngland } from '../server/calendar/england-time';
import { expectAccessible, openRecord, statePath } from './helpers';
import { startMeetingWithFirstPerson } from './mdt-helpers';

test.use({ storageState: statePath('navigator') });

test('a navigator opens /metrics, changes the period, sees charts and tables, and downloads the CSV', async ({ page }) => {
  await page.goto('/metrics');
  await expect(page.getByRole('heading', { level: 1, name: 'Measures of joined-up care' })).toBeVisible();
  await expect(page.getByTestId('headline-flagToContact')).toContainText(/Median [\d.]+ hours/);
  await expect(page.getByTestId('figures-as-of')).toContainText(
    /Figures as of \d{1,2}:\d{2}[ap]m on \d{1,2} \w+ \d{4}\. .*brought up to date every hour\./,
  );
  await expect(page.locator('.carenav-chart svg').first()).toBeVisible();
  await expect(page.getByRole('table', { name: /Share answered within target, by service: the chart’s numbers/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Referral outcomes: table/ })).toBeVisible();
  await page.getByText('How this is measured').first().click();
  await expect(page.getByText(/the first contact after getting home/).first()).toBeVisible();
  await expectAccessible(page);

  // One measure's table on a view of its own (where a long table is shown whole, a page at a time).
  await page.goto('/metrics?measure=referralResponse');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Referral response time against target, by service and urgency' }),
  ).toBeVisible();
  await expect(page.getByTestId('headline-wellbeing')).toHaveCount(0);
  await expect(page.getByRole('table', { name: /by service and urgency: table \(\d+ rows?\)/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: /See the chart and its numbers/ }).click();
  await expect(page.getByRole('table', { name: /Share answered within target, by service: the chart’s numbers/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Back to every measure' }).click();
  await expect(page.getByTestId('headline-wellbeing')).toBeVisible();

  // A period in the wrong order is named at the field.
  await page.getByLabel('From', { exact: true }).fill('2026-06-01');
  await page.getByLabel('To', { exact: true }).fill('2026-05-01');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('To must be on or after From');
  await expectAccessible(page);

  // The last fortnight only: fewer referrals than the default twelve weeks.
  await page.goto('/metrics');
  const before = await page.getByTestId('headline-tellItOnce').textContent();
  const to = todayInEngland();
  const from = addDaysIso(to, -14);
  await page.getByLabel('From', { exact: true }).fill(from);
  await page.getByLabel('To', { exact: true }).fill(to);
  await page.getByLabel('People', { exact: true }).selectOption({ label: 'My team’s' });
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(/from=/);
  await expect(page.getByTestId('headline-tellItOnce')).not.toHaveText(before ?? '');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download every measure as CSV' }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  expect(csv.split('\n')[0]).toBe('measure,from,to,people,row,column,value');
  expect(csv).toContain('Referral outcomes');
  expect(csv).toContain(`${from},${to},my team`);
});

test('a navigator runs the MDT worklist, filters it, chooses people for a meeting, and sees the actions as tasks', async ({ page }) => {
  await page.goto('/mdt');
  await expect(page.getByRole('heading', { level: 1, name: 'MDT worklist' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveAccessibleName(
    /^People to discuss, most reasons and highest risk first: (the first 25|everyone)$/,
  );
  const firstPerson = page.getByRole('table').getByRole('row').nth(1);
  await expect(firstPerson.getByRole('listitem').first()).toBeVisible();
  await expectAccessible(page);

  // Filtered by one reason: everyone listed has it; the filters can be cleared.
  await page.getByLabel('Reason').selectOption({ label: 'High risk' });
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(/reason=highRisk/);
  await expect(page.getByRole('table')).toHaveAccessibleName(/^People to discuss \(filtered\)/);
  const rows = page.getByRole('table').getByRole('row');
  for (let i = 1; i < (await rows.count()); i++) await expect(rows.nth(i).getByText('High risk', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Clear the filters' }).click();
  await expect(page.getByLabel('Reason')).toHaveValue('');

  await page.getByRole('link', { name: 'Record a meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record an MDT meeting' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Who was there').fill('');
  await page.getByRole('button', { name: 'Start recording the meeting' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Who was there: Enter who was at the meeting');

  // Nobody ticked: the choice is refused, naming it.
  const attendees = 'Nadia Hussain (care coordinator)\nDr Helen Marsh (GP)\nLiam Walsh (social worker)';
  await page.getByLabel('Who was there').fill(attendees);
  await page.getByRole('button', { name: 'Start recording the meeting' }).click();
  await page.waitForURL(/\/mdt\?meeting=/);
  await page.getByRole('button', { name: /^Add the people ticked/ }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('People to discuss: choose at least one person');
  await expectAccessible(page);
  await page.getByRole('link', { name: /^Back to the meeting of / }).click();
  await expect(page.getByText('Nobody chosen for this meeting yet.')).toBeVisible();
  await expect(
    page.getByText('Attended by: Nadia Hussain (care coordinator), Dr Helen Marsh (GP), Liam Walsh (social worker)'),
  ).toBeVisible();

  const name = await startMeetingWithFirstPerson(page, attendees);
  const section = page.getByRole('region', { name });
  await section.getByLabel(`What was discussed about ${name}`).fill('Agreed to review the care package and check in weekly.');
  await section.getByLabel('What needs doing').fill('Review the care package with the provider');
  await section.getByLabel('Owner').selectOption({ index: 1 });
  await section.getByLabel('Due date').fill(addDaysIso(todayInEngland(), 7));
  await expectAccessible(page);
  await section.getByRole('button', { name: `Record discussion of ${name}` }).click();
  const discussed = page.getByRole('region', { name });
  await expect(discussed).toContainText('Agreed to review the care package');
  await expect(page.getByText('Everyone chosen for this meeting has been discussed.')).toBeVisible();
  await discussed.getByRole('link', { name: 'Review the care package with the provider' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review the care package with the provider' })).toBeVisible();
  await expect(page.getByText('MDT meeting')).toBeVisible();
  await expectAccessible(page);
});

test('a person chosen by mistake is taken off the meeting’s list, and the worklist pages on', async ({ page }) => {
  const name = await startMeetingWithFirstPerson(page, 'Nadia Hussain (care coordinator)');
  await page.getByRole('button', { name: new RegExp(`^Take off this meeting’s list\\W+${name}$`) }).click();
  await expect(page.getByRole('status')).toContainText('Taken off this meeting’s list.');
  await expect(page.getByText('Nobody chosen for this meeting yet.')).toBeVisible();
  await expectAccessible(page);

  // A page shows 25 people; a shorter list has no next page.
  await page.goto('/mdt');
  const next = page.getByRole('link', { name: 'Show the next 25 people' });
  const shown = (await page.getByRole('table').getByRole('row').count()) - 1;
  if (shown < 25) {
    await expect(next).toHaveCount(0);
  } else {
    const first = await page.getByRole('table').getByRole('row').nth(1).textContent();
    await next.click();
    await page.waitForURL(/after=/);
    await expect(page.getByRole('table')).toHaveAccessibleName(/a later page$/);
    expect(await page.getByRole('table').getByRole('row').nth(1).textContent()).not.toBe(first);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Back to the top of the list' }).click();
    await page.waitForURL(/\/mdt$/);
  }
});

test('a navigator records wellbeing (ONS4) on the record; an admin sees measures for every organisation, counts only', async ({
  page,
  browser,
}) => {
  const record = await openRecord(page, 'Hazel Dobson');
  await page.getByRole('link', { name: 'Wellbeing' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Wellbeing (ONS4)' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Record scores' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Life satisfaction: choose a score from 0 to 10');
  await page.getByLabel('Baseline').check();
  for (const [label, score] of [
    ['satisfied are you with your life', '6'],
    ['worthwhile', '7'],
    ['how happy did you feel', '5'],
    ['how anxious did you feel', '4'],
  ] as const) {
    await page.getByLabel(new RegExp(label)).selectOption(score);
  }
  await page.getByRole('button', { name: 'Record scores' }).click();
  await expect(page.getByText('Wellbeing scores recorded.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Baseline 6 7 5 4/ })).toBeVisible();
  await page.goto(record);
  await expect(page.getByRole('heading', { name: /Wellbeing \(ONS4\) baseline: life satisfaction 6/ })).toBeVisible();

  const admin = await (await browser.newContext({ storageState: statePath('admin') })).newPage();
  await admin.goto('/metrics');
  await expect(admin.getByLabel('Organisation', { exact: true })).toHaveValue('');
  await expect(admin.getByTestId('headline-workload')).toContainText(/people/);
  await expect(admin.getByTestId('figures-as-of')).toContainText('brought up to date every day for all organisations.');
  await expectAccessible(admin);
  await admin.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Riverside Care Navigation Team' });
  await admin.getByRole('button', { name: 'Show' }).click();
  await admin.waitForURL(/organisationId=/);
  await expect(admin.getByText('Hazel Dobson')).toHaveCount(0);
});
