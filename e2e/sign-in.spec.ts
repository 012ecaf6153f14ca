import { expect, test } from '@playwright/test';
import { ROLE_ACCOUNTS, expectAccessible } from './helpers';

const HOMES: Record<keyof typeof ROLE_ACCOUNTS, { path: string; heading: RegExp }> = {
  navigator: { path: '/caseload', heading: /My caseload/ },
  gp: { path: '/home', heading: /Your work/ },
  hospital: { path: '/home', heading: /Your work/ },
  socialworker: { path: '/home', heading: /Your work/ },
  housing: { path: '/home', heading: /Your work/ },
  voluntary: { path: '/home', heading: /Your work/ },
  carer: { path: '/carer', heading: /People I care for/ },
  admin: { path: '/admin', heading: /Organisations and users/ },
};

test('the sign-in page is accessible and refuses a wrong password without saying whether the account exists', async ({ page }) => {
  await page.goto('/login');
  await expectAccessible(page);
  await page.getByLabel('Email address').fill('navigator@demo.carenav.test');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Enter a correct email address and password.');
  await page.getByLabel('Email address').fill('nobody@demo.carenav.test');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Enter a correct email address and password.');
  await expectAccessible(page);
});

test('an empty sign-in form names each missing field', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Enter your email address');
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Enter your password');
});

for (const [role, email] of Object.entries(ROLE_ACCOUNTS) as [keyof typeof ROLE_ACCOUNTS, string][]) {
  test(`${role} signs in with the keyboard and lands on their home`, async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('demo-password');
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL((url) => url.pathname === HOMES[role].path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOMES[role].heading);
    await expectAccessible(page);
  });
}

test('signing out from the header ends the session: the next page asks to sign in again', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(ROLE_ACCOUNTS.voluntary);
  await page.getByLabel('Password').fill('demo-password');
  await page.getByLabel('Password').press('Enter');
  await expect(page).toHaveURL(/\/home$/);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  // Until the page's script has loaded the button does nothing: press again until it has.
  await expect(async () => {
    if (!/\/login/.test(page.url())) {
      await signOut.focus();
      await page.keyboard.press('Enter');
    }
    await expect(page).toHaveURL(/\/login/, { timeout: 2_000 });
  }).toPass();
  await expectAccessible(page);
  await page.goto('/patients');
  await expect(page).toHaveURL(/\/login/);
});
