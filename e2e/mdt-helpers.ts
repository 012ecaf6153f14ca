import { expect, type Page } from '@playwright/test';
import { expectAccessible } from './helpers';

const ID = '[0-9a-f-]{36}';

/**
 * From the MDT worklist: records a meeting with these attendees, then chooses the first person on the
 * worklist to discuss (checking the choosing page on the way). Leaves the page on the meeting, and
 * returns the name of the person chosen.
 */
export async function startMeetingWithFirstPerson(page: Page, attendees: string): Promise<string> {
  await page.goto('/mdt');
  await page.getByRole('link', { name: 'Record a meeting' }).click();
  await page.getByLabel('Who was there').fill(attendees);
  await page.getByRole('button', { name: 'Start recording the meeting' }).click();
  await page.waitForURL(new RegExp(`/mdt\\?meeting=${ID}&done=started$`));
  await expect(page.getByRole('heading', { level: 1, name: /^Choose who to discuss on / })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Meeting started.');
  const firstPerson = page.getByRole('table').getByRole('row').nth(1);
  const name = ((await firstPerson.getByRole('link').first().textContent()) ?? '').trim();
  await firstPerson.getByLabel(`Choose ${name}`).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: /^Add the people ticked to the meeting of / }).click();
  await page.waitForURL(new RegExp(`/mdt/${ID}\\?done=chosen$`));
  await expect(page.getByRole('status')).toContainText('on this meeting’s list to discuss');
  await expect(page.getByRole('heading', { level: 2, name: 'Still to discuss (1)' })).toBeVisible();
  return name;
}
