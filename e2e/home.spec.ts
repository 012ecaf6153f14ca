import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createPerson, expectAccessible, statePath } from './helpers';

/** A section of the home page, by its heading. */
const section = (page: Page, title: string) => page.locator('section', { has: page.getByRole('heading', { level: 2, name: title }) });

async function openHome(page: Page) {
  // Signing in sends everyone to "/", which sends these roles to their home.
  await page.goto('/');
  await page.waitForURL(/\/home$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your work' })).toBeVisible();
}

test.describe('GP practice staff', () => {
  test.use({ storageState: statePath('gp') });
  test('land on a home with their practice’s people, the discharges they flagged, their tasks, referrals and notifications', async ({
    page,
  }) => {
    await openHome(page);
    await expect(section(page, 'Your people').locator('a[href^="/patients/"]').first()).toBeVisible();
    await expect(section(page, 'Your people')).toContainText('People registered at your practice');
    // The seed's GP flagged a discharge that is being planned.
    await expect(section(page, 'Discharges you flagged').locator('a[href^="/discharges/"]').first()).toBeVisible();
    await expect(section(page, 'Your tasks')).toBeVisible();
    await expect(section(page, 'New referrals for your team')).toBeVisible();
    await expect(section(page, 'Notifications')).toContainText(/notifications?\./);
    // GP staff do not take named contact, so no hand-over list.
    await expect(page.getByRole('heading', { name: 'Hand-overs waiting for you' })).toHaveCount(0);
    await expectAccessible(page);
    // Each list links to its whole list.
    await section(page, 'Discharges you flagged').getByRole('link', { name: 'All discharges you flagged' }).click();
    await expect(page).toHaveURL(/\/discharges$/);
  });
});

test('a social worker’s home shows a hand-over offered to them, their tasks and their people', async ({ browser }) => {
  const navigator = await (await browser.newContext({ storageState: statePath('navigator') })).newPage();
  const social = await (await browser.newContext({ storageState: statePath('socialworker') })).newPage();
  await createPerson(navigator, { givenName: 'Hester', familyName: `Homepage${Date.now() % 100000}` });
  const name = (await navigator.getByRole('heading', { level: 1 }).innerText()).trim();
  await navigator.getByRole('link', { name: /Change named contact/ }).click();
  await navigator.getByLabel('Search navigators and social workers').fill('liam');
  await navigator.getByLabel('Search navigators and social workers').press('Enter');
  await navigator.getByLabel('Hand over to').selectOption({ label: 'Liam Walsh, Social worker, older people’s team' });
  await navigator.getByRole('button', { name: 'Offer the hand-over' }).click();
  await expect(navigator.getByText(/Hand-over pending/)).toBeVisible();

  await openHome(social);
  await expect(section(social, 'Hand-overs waiting for you')).toContainText(`Nadia Hussain asks you to become named contact for ${name}.`);
  // The seed gives the social worker a benefits check to book.
  await expect(section(social, 'Your tasks')).toContainText('Book a benefits check');
  await expect(section(social, 'Your people').locator('a[href^="/patients/"]').first()).toBeVisible();
  // Social workers do not follow discharges: no such list on their home.
  await expect(social.getByRole('heading', { name: 'Discharges you flagged' })).toHaveCount(0);
  await expectAccessible(social);
  await section(social, 'Hand-overs waiting for you').getByRole('link', { name: 'Answer hand-overs on your referrals page' }).click();
  await expect(social.getByText(`Nadia Hussain asks you to become named contact for ${name}.`)).toBeVisible();
});

test.describe('housing officers', () => {
  test.use({ storageState: statePath('housing') });
  test('land on a home with the referrals waiting for their team and the people whose care team they are on', async ({ page }) => {
    await openHome(page);
    // The seed sends a stair-rail referral to the housing team.
    await expect(section(page, 'New referrals for your team').locator('a[href^="/referrals/"]').first()).toBeVisible();
    await expect(section(page, 'Your people')).toContainText('People whose care team you are on.');
    await expect(section(page, 'Your people').locator('a[href^="/patients/"]').first()).toBeVisible();
    await expect(section(page, 'Your tasks')).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe('voluntary services', () => {
  test.use({ storageState: statePath('voluntary') });
  test('see plain empty states when nothing is waiting for them', async ({ page }) => {
    await openHome(page);
    await expect(section(page, 'New referrals for your team')).toContainText('No new referrals are waiting for your team.');
    await expect(section(page, 'Your tasks')).toContainText('You have no tasks.');
    await expect(section(page, 'Your people').locator('a[href^="/patients/"]').first()).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe('hospital discharge staff', () => {
  test.use({ storageState: statePath('hospital') });
  test('land on a home with the discharges they flagged and a way to flag another, and no one’s record', async ({ page }) => {
    await openHome(page);
    await expect(section(page, 'Discharges you flagged').locator('a[href^="/discharges/"]').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Flag a discharge' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your people' })).toHaveCount(0);
    await expect(section(page, 'Notifications')).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe('search kept across Back and reload', () => {
  test.use({ storageState: statePath('navigator') });
  test('results stay after opening one and going Back, and after a reload, with the terms never in the address', async ({ page }) => {
    await page.goto('/patients');
    await page.getByLabel('Name or NHS number').fill('Margaret');
    await page.getByRole('button', { name: 'Search' }).click();
    const results = page.getByRole('table');
    await expect(results).toContainText('Margaret');
    await expect(page).toHaveURL(/\/patients$/);

    await results.getByRole('link').first().click();
    await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/patients$/);
    await expect(results).toContainText('Margaret');
    await expect(page.getByLabel('Name or NHS number')).toHaveValue('Margaret');
    await expectAccessible(page);

    await page.reload();
    await expect(results).toContainText('Margaret');
    await expect(page.getByLabel('Name or NHS number')).toHaveValue('Margaret');
    await expect(page).toHaveURL(/\/patients$/);

    // Forward to the record and Back again: still there.
    await page.goForward();
    await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
    await page.goBack();
    await expect(results).toContainText('Margaret');

    // Coming to the page afresh (a new entry in the history) is a new search: an empty form.
    await page.goForward();
    await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
    await page.goto('/patients');
    await page.waitForLoadState('networkidle');
    await expect(page.getByLabel('Name or NHS number')).toHaveValue('');
    await expect(page.getByRole('table')).toHaveCount(0);
  });
  test('a kept search is only ever run again for the user who made it, and the sign-in page forgets it', async ({ page, context }) => {
    const search = async () => {
      await page.goto('/patients');
      await page.getByLabel('Name or NHS number').fill('Margaret');
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(page.getByRole('table')).toContainText('Margaret');
    };
    // The navigator's session is replaced by a GP's in the same tab (nobody pressed Sign out): a reload
    // of the navigator's search does not run it for the GP, nor show its terms.
    await search();
    const gp = JSON.parse(readFileSync(statePath('gp'), 'utf8')) as { cookies: Parameters<typeof context.addCookies>[0] };
    await context.clearCookies();
    await context.addCookies(gp.cookies);
    await page.reload();
    await page.waitForLoadState('networkidle');
    await expect(page.getByLabel('Name or NHS number')).toHaveValue('');
    await expect(page.getByRole('table')).toHaveCount(0);

    // A session that ended without signing out lands on the sign-in page, which forgets what was kept.
    await context.clearCookies();
    await context.addCookies((JSON.parse(readFileSync(statePath('navigator'), 'utf8')) as typeof gp).cookies);
    await search();
    expect(await page.evaluate(() => sessionStorage.length)).toBeGreaterThan(0);
    await context.clearCookies();
    await page.goto('/login');
    await expect(page.getByLabel('Email address')).toBeVisible();
    await expect.poll(() => page.evaluate(() => sessionStorage.length)).toBe(0);
  });
});
