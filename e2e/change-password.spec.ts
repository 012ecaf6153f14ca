import { expect, test, type Page } from '@playwright/test';
import { ROLE_ACCOUNTS, expectAccessible } from './helpers';
import { signIn, trpc } from './http';

const base = () => test.info().project.use.baseURL!;
const TEMPORARY = 'a long temporary password';
const CHOSEN = 'plum orchard lantern';
const CHANGED_AGAIN = 'kettle marmalade bicycle';

/** An admin over HTTP adds a fresh navigator with a temporary password (so no demo account's password changes). */
async function freshNavigator(label: string) {
  const admin = (await signIn(base(), ROLE_ACCOUNTS.admin, 'demo-password')).session;
  const orgs = (await trpc(base(), admin, 'admin.organisations', undefined)).data as unknown as { id: string; name: string }[];
  const org = orgs.find((o) => o.name === 'Riverside Care Navigation Team')!;
  const email = `${label}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.nhs.uk`;
  const created = await trpc(
    base(),
    admin,
    'admin.createUser',
    { name: `Staff ${label}`, email, role: 'navigator', organisationId: org.id, password: TEMPORARY },
    'mutation',
  );
  expect(created.status).toBe(200);
  return email;
}

async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function changePassword(page: Page, current: string, next: string, confirm = next) {
  await page.getByLabel('Current password', { exact: true }).fill(current);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('Confirm new password', { exact: true }).fill(confirm);
  await page.getByRole('button', { name: 'Change password' }).click();
}

test.describe('passwords (#16 finding 17)', () => {
  // Each test signs in as its own fresh user.
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a user with an administrator’s temporary password must choose their own first; weak ones are refused; other sessions end', async ({
    page,
    browser,
  }) => {
    const email = await freshNavigator('forced');
    // Signed in somewhere else too, with the temporary password.
    const elsewhere = await browser.newContext({ baseURL: base(), storageState: { cookies: [], origins: [] } });
    const otherPage = await elsewhere.newPage();
    await signInWithForm(otherPage, email, TEMPORARY);
    await expect(otherPage).toHaveURL(/\/account\/password$/);

    await signInWithForm(page, email, TEMPORARY);
    await expect(page).toHaveURL(/\/account\/password$/);
    await expect(page.getByText('Your administrator set a temporary password. Choose your own password to continue.')).toBeVisible();
    await expectAccessible(page);
    // Every other page sends them back here.
    for (const path of ['/caseload', '/patients', '/tasks', '/notifications']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/account\/password$/);
    }

    // Long enough is not enough; the error summary names the field.
    await changePassword(page, TEMPORARY, 'aaaaaaaaaaaa');
    await expect(page.locator('.nhsuk-error-summary')).toContainText(
      'New password: repeated letters or numbers like "aaa" are easy to guess',
    );
    await expect(page.locator('#newPassword--error-message')).toContainText('Add another word or two.');
    await expectAccessible(page);
    await changePassword(page, TEMPORARY, 'password1234');
    await expect(page.locator('.nhsuk-error-summary')).toContainText('New password: this is too like a common password');
    await changePassword(page, 'not the password at all', CHOSEN);
    await expect(page.locator('.nhsuk-error-summary')).toContainText('Current password: this is not your current password');
    await changePassword(page, TEMPORARY, CHOSEN, `${CHOSEN}s`);
    await expect(page.locator('.nhsuk-error-summary')).toContainText('Confirm new password: the two new passwords are not the same');
    // The summary links to the field.
    await page.locator('.nhsuk-error-summary a').first().click();
    await expect(page.locator('#confirmPassword')).toBeFocused();

    await changePassword(page, TEMPORARY, CHOSEN);
    await expect(page.getByRole('status')).toContainText('Your password has been changed.');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Continue to carenav' }).click();
    await expect(page).toHaveURL(/\/caseload$/);

    // The other session was ended; this one stays.
    await otherPage.goto('/caseload');
    await expect(otherPage).toHaveURL(/\/login/);
    await elsewhere.close();
    await page.goto('/tasks');
    await expect(page).toHaveURL(/\/tasks$/);

    // The temporary password no longer signs in; the chosen one does, with no forced change.
    expect((await signIn(base(), email, TEMPORARY)).signedIn).toBe(false);
    const again = await browser.newContext({ baseURL: base(), storageState: { cookies: [], origins: [] } });
    const againPage = await again.newPage();
    await signInWithForm(againPage, email, CHOSEN);
    await expect(againPage).toHaveURL(/\/caseload$/);
    await again.close();
  });

  test('any user changes their password at /account/password, then signs out and in with the new one', async ({ page }) => {
    const email = await freshNavigator('voluntary');
    await signInWithForm(page, email, TEMPORARY);
    await changePassword(page, TEMPORARY, CHOSEN);
    await expect(page.getByRole('status')).toContainText('Your password has been changed.');

    await page.goto('/account/password');
    await expect(page.getByRole('heading', { level: 1, name: 'Change your password' })).toBeVisible();
    await expect(page.getByText('Your administrator set a temporary password')).toHaveCount(0);
    await expect(page.getByLabel('Current password', { exact: true })).toHaveAttribute('autocomplete', 'current-password');
    await expect(page.getByLabel('New password', { exact: true })).toHaveAttribute('autocomplete', 'new-password');
    await expect(page.getByLabel('Confirm new password', { exact: true })).toHaveAttribute('autocomplete', 'new-password');
    await expectAccessible(page);
    await changePassword(page, CHOSEN, CHOSEN);
    await expect(page.locator('.nhsuk-error-summary')).toContainText('New password: choose a password different from your current one');
    await changePassword(page, CHOSEN, CHANGED_AGAIN);
    await expect(page.getByRole('status')).toContainText('Your password has been changed.');

    const signOut = page.getByRole('button', { name: 'Sign out' });
    await expect(async () => {
      if (!/\/login/.test(page.url())) {
        await signOut.focus();
        await page.keyboard.press('Enter');
      }
      await expect(page).toHaveURL(/\/login/, { timeout: 2_000 });
    }).toPass();
    await signInWithForm(page, email, CHOSEN);
    await expect(page.locator('.nhsuk-error-summary')).toContainText('Enter a correct email address and password.');
    await signInWithForm(page, email, CHANGED_AGAIN);
    await expect(page).toHaveURL(/\/caseload$/);
  });

  test('the form works at 375 pixels wide and from the keyboard alone', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const email = await freshNavigator('narrow');
    await signInWithForm(page, email, TEMPORARY);
    await expect(page).toHaveURL(/\/account\/password$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);
    await page.getByLabel('Current password', { exact: true }).focus();
    await page.keyboard.type(TEMPORARY);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('New password', { exact: true })).toBeFocused();
    await page.keyboard.type(CHOSEN);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Confirm new password', { exact: true })).toBeFocused();
    await page.keyboard.type(CHOSEN);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Change password' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toContainText('Your password has been changed.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
