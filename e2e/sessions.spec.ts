import { expect, test, type Browser, type Page } from '@playwright/test';
import { createPerson, expectAccessible, statePath } from './helpers';

// Each test makes its own accounts: ending sessions of a shared demo account would sign out the
// saved state other specs run with.

const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const PASSWORD = 'a long temporary password';
const CHOSEN = 'plum orchard lantern';

async function signIn(browser: Browser, email: string, password: string, userAgent?: string): Promise<Page> {
  const page = await (await browser.newContext(userAgent ? { userAgent } : {})).newPage();
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Password').press('Enter');
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

/** Next's pages are refused once the session has ended: the sign-in page instead. */
async function expectSignedOut(page: Page, path: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login/);
}

test('a user sees where they are signed in, signs out of one device and then all others; an administrator ends the rest', async ({
  browser,
}) => {
  const admin = await (await browser.newContext({ storageState: statePath('admin') })).newPage();
  const name = `Sessions Test ${Date.now() % 100000}`;
  const email = `sessions.${Date.now()}@example.nhs.uk`;
  await admin.goto('/admin/users/new');
  await admin.getByLabel('Full name').fill(name);
  await admin.getByLabel('Email address').fill(email);
  await admin.getByLabel('Role').selectOption({ label: 'Care navigator' });
  await admin.getByLabel('Organisation').selectOption({ label: 'Riverside Care Navigation Team' });
  await admin.getByLabel('Temporary password').fill(PASSWORD);
  await admin.getByRole('button', { name: 'Add user' }).click();
  await admin.waitForURL('/admin?done=added');

  // An administrator's password is temporary: the first sign-in chooses their own.
  const here = await signIn(browser, email, PASSWORD);
  await expect(here).toHaveURL(/\/account\/password$/);
  await here.getByLabel('Current password', { exact: true }).fill(PASSWORD);
  await here.getByLabel('New password', { exact: true }).fill(CHOSEN);
  await here.getByLabel('Confirm new password', { exact: true }).fill(CHOSEN);
  await here.getByRole('button', { name: 'Change password' }).click();
  await expect(here.getByText('Your password has been changed.')).toBeVisible();
  const laptop = await signIn(browser, email, CHOSEN, FIREFOX_LINUX);
  const phone = await signIn(browser, email, CHOSEN, SAFARI_IPHONE);

  // What any script on the page can read says nothing that would let it act as the user.
  const browserSession = (await (await here.request.get('/api/auth/session')).json()) as Record<string, unknown>;
  expect(Object.keys(browserSession)).toEqual(['expires']);

  await here.getByRole('link', { name: 'Your account' }).click();
  await expect(here.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expectAccessible(here);
  await here.getByRole('link', { name: 'Where you are signed in' }).click();
  await expect(here.getByRole('heading', { level: 1, name: 'Where you are signed in' })).toBeVisible();
  await expect(here.getByText('This device')).toHaveCount(1);
  await expect(here.getByRole('heading', { level: 2, name: /Firefox on Linux/ })).toBeVisible();
  await expect(here.getByRole('heading', { level: 2, name: /Safari on iOS/ })).toBeVisible();
  await expectAccessible(here);

  // Each "Sign out" names the device it ends; used from the keyboard.
  const signOutLaptop = here.getByRole('button', { name: /^Sign out Firefox on Linux, last active/ });
  await signOutLaptop.focus();
  await here.keyboard.press('Enter');
  await expect(here.getByRole('status')).toContainText('You have been signed out of that device.');
  await expect(here.getByRole('heading', { level: 2, name: /Firefox on Linux/ })).toHaveCount(0);
  await expectSignedOut(laptop, '/caseload');
  // The other device is still signed in.
  await phone.goto('/caseload');
  await expect(phone).toHaveURL(/\/caseload$/);

  // At 375px wide, the list and its controls fit without scrolling sideways.
  await here.setViewportSize({ width: 375, height: 800 });
  await expect.poll(() => here.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectAccessible(here);

  const tablet = await signIn(browser, email, CHOSEN, SAFARI_IPHONE);
  await here.reload();
  await here.getByRole('button', { name: 'Sign out of all other devices' }).click();
  await expect(here.getByText('will be signed out at once')).toBeVisible();
  await here.getByRole('button', { name: 'Yes, sign out of all other devices' }).click();
  await expect(here.getByRole('status')).toContainText('You have been signed out of all other devices.');
  await expect(here.getByText('You are not signed in anywhere else.')).toBeVisible();
  await expectSignedOut(phone, '/caseload');
  await expectSignedOut(tablet, '/caseload');
  await here.goto('/account/sessions');
  await expect(here.getByRole('heading', { level: 1, name: 'Where you are signed in' })).toBeVisible();

  // An administrator of their organisation ends every session they have left.
  await admin.goto(`/admin?q=${encodeURIComponent(name)}`);
  await admin.getByRole('link', { name }).click();
  await admin.getByRole('button', { name: `End all sessions of ${name}` }).click();
  await admin.getByRole('button', { name: `Yes, end all of ${name}’s sessions` }).click();
  await expect(admin.getByRole('status')).toContainText('All their sessions have been ended.');
  await expectAccessible(admin);
  await expectSignedOut(here, '/account/sessions');
});

test('a navigator deactivates a carer’s account, signing them out at once, and reactivates it; an administrator can too', async ({
  browser,
}) => {
  const navigator = await (await browser.newContext({ storageState: statePath('navigator') })).newPage();
  const stamp = Date.now() % 100000;
  const person = { givenName: 'Edith', familyName: `Carerson${stamp}` };
  const record = await createPerson(navigator, person);
  await navigator.goto(`${record}/consent`);
  await navigator.getByLabel('A named carer').check();
  await navigator.getByLabel('Carer’s name and relationship').fill(`Paul Carerson${stamp} (son)`);
  await navigator.getByLabel('Granted').check();
  await navigator.getByRole('button', { name: 'Record decision' }).click();
  await expect(navigator.getByText('Consent decision recorded.')).toBeVisible();
  await navigator.goto(`${record}/carers`);
  const email = `paul.${Date.now()}@example.com`;
  await navigator.getByLabel('Carer’s email address').fill(email);
  await navigator.getByLabel('Relationship to the person').fill('Son');
  await navigator.getByRole('button', { name: 'Invite carer' }).click();
  const link = (await navigator.getByTestId('invitation-link').textContent()) ?? '';

  const carer = await (await browser.newContext()).newPage();
  await carer.goto(`/invitation${new URL(link).hash}`);
  await carer.getByLabel('Create a password').fill('plum orchard lantern');
  await carer.getByLabel('Type the password again').fill('plum orchard lantern');
  await carer.getByRole('button', { name: 'Create account and sign in' }).click();
  await carer.waitForURL('/carer');
  // Carers have an account page too.
  await carer.goto('/account/sessions');
  await expect(carer.getByText('This device')).toBeVisible();
  await expectAccessible(carer);

  await navigator.goto(`${record}/carers`);
  const row = navigator.getByRole('table', { name: 'Linked carers' }).getByRole('row', { name: /Carerson/ });
  await row.getByRole('button', { name: /^Deactivate .*’s account$/ }).click();
  await expect(row.getByText('They will be signed out at once')).toBeVisible();
  await expectAccessible(navigator);
  await row.getByRole('button', { name: /^Yes, deactivate / }).click();
  await expect(navigator.getByRole('status')).toContainText('Account deactivated.');
  await expect(row).toContainText('account deactivated');

  await expectSignedOut(carer, '/carer');
  await carer.getByLabel('Email address').fill(email);
  await carer.getByLabel('Password').fill('plum orchard lantern');
  await carer.getByRole('button', { name: 'Sign in' }).click();
  await expect(carer.locator('.nhsuk-error-summary')).toContainText('Enter a correct email address and password.');

  // The person's record is on the navigator team's caseload: its administrator finds the account and reactivates it.
  const admin = await (await browser.newContext({ storageState: statePath('admin') })).newPage();
  await admin.goto('/admin/carers');
  await expectAccessible(admin);
  await admin.getByLabel('Carer’s email address').fill(email);
  await admin.getByRole('button', { name: 'Find the account' }).click();
  await expect(admin.getByText('Deactivated')).toBeVisible();
  await admin.getByRole('button', { name: /^Reactivate / }).click();
  await expect(admin.getByText('They will be able to sign in again')).toBeVisible();
  await admin.getByRole('button', { name: /^Yes, reactivate / }).click();
  await expect(admin.getByRole('status')).toContainText('Account reactivated.');
  await expectAccessible(admin);

  await carer.getByLabel('Password').fill('plum orchard lantern');
  await carer.getByRole('button', { name: 'Sign in' }).click();
  await carer.waitForURL('/carer');
});
