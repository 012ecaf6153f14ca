import { expect, test } from '@playwright/test';
import { addDaysIso, formatDate, todayInEngland } from '../server/calendar/england-time';
import { createPerson, expectAccessible, statePath } from './helpers';

// The server under test runs with TZ=UTC (scripts/e2e-server.mjs), as most servers do, and this
// browser is in New York: what a care worker types and reads is still England's clock.
test.use({ storageState: statePath('navigator'), timezoneId: 'America/New_York' });

test('a time typed on the timeline is England’s, and is shown back as typed, whatever the server’s or the browser’s zone', async ({
  page,
}) => {
  await createPerson(page, { givenName: 'Edith', familyName: `Clockwell${Date.now() % 100000}` });
  await page.getByText('Add a note or contact').click();
  await page.getByLabel('A contact with the person').check();
  await page.getByLabel('How').selectOption('home_visit');
  // A summer afternoon (British Summer Time): 14:30 in England is 13:30 UTC and 09:30 in New York.
  // The last 1 July that has passed (a note may be dated at most a year back).
  const [year, month] = todayInEngland().split('-').map(Number) as [number, number];
  const summer = `${month >= 8 ? year : year - 1}-07-01`;
  await page.getByLabel('When it happened').fill(`${summer}T14:30`);
  await page.getByLabel('What happened').fill('Summer visit: garden chair fixed.');
  await page.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(page.getByRole('status')).toContainText('Added to the timeline.');
  const entry = page.locator('.carenav-timeline li', { hasText: 'Summer visit: garden chair fixed.' });
  await expect(entry).toContainText(`${formatDate(summer)}, 14:30`);
  await expect(entry.locator('time')).toHaveAttribute('datetime', new Date(Date.parse(`${summer}T13:30:00Z`)).toISOString());
  await expectAccessible(page);

  // Yesterday in England, whatever the date is in New York or in UTC.
  const yesterday = addDaysIso(todayInEngland(), -1);
  if (!(await page.getByLabel('When it happened').isVisible())) await page.getByText('Add a note or contact').click();
  await page.getByLabel('A contact with the person').check();
  await page.getByLabel('How').selectOption('phone_call');
  await page.getByLabel('When it happened').fill(`${yesterday}T23:45`);
  await page.getByLabel('What happened').fill('Late call from the night carer.');
  await page.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(page.getByRole('status')).toContainText('Added to the timeline.');
  await expect(page.locator('.carenav-timeline li', { hasText: 'Late call from the night carer.' })).toContainText(
    `${formatDate(yesterday)}, 23:45`,
  );
});
