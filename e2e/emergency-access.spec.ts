import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openRecord, statePath } from './helpers';

const TABS = ['', '/care-team', '/consent', '/carers', '/wellbeing', '/access'];
const WRITE_PAGES = ['/edit', '/about-me', '/named-contact', '/tasks/new', '/referrals/new'];

/** Nothing on the page offers a change that emergency access cannot make. */
async function expectReadOnly(page: Page) {
  const main = page.locator('#maincontent');
  await expect(
    main.getByRole('link', { name: /^(Change|Edit|Add a task|Refer to a service|Flag a risky discharge|Remove)\b/ }),
  ).toHaveCount(0);
  await expect(main.getByRole('button', { name: /Save|Add|Record|Invite|Deactivate|Send/ })).toHaveCount(0);
}

// #17 item 3: emergency access is read-only, and every page of the record says so.
test('a GP with emergency access to a person at another practice sees the banner on every page and is offered no change', async ({
  browser,
}) => {
  // Every page of the record, each scanned: minutes on a slow two-core machine.
  test.setTimeout(300_000);
  const navigator = await (await browser.newContext({ storageState: statePath('navigator') })).newPage();
  // At the other practice, with nobody from the GP's practice on the care team.
  const person = 'Gordon Jenkins';
  const record = await openRecord(navigator, person);

  const gp = await (await browser.newContext({ storageState: statePath('gp') })).newPage();
  expect((await gp.goto(record))?.status()).toBe(403);
  await gp.getByRole('link', { name: 'ask for emergency access' }).click();
  await gp.getByLabel('Why do you need to see this record now?').fill('Out of hours: paramedics on scene, need his medication list');
  await gp.getByRole('button', { name: 'Open the record in an emergency' }).click();
  await gp.waitForURL(record);

  for (const tab of TABS) {
    await gp.goto(`${record}${tab}`);
    await expect(gp.getByTestId('emergency-banner')).toContainText('Emergency access until');
    await expectReadOnly(gp);
    // The one thing it allows: a note of what was done, on the record's own page (filters are not changes).
    await expect(gp.locator('#maincontent form:not([method="get"])')).toHaveCount(tab === '' ? 1 : 0);
    await expectAccessible(gp);
  }
  await gp.goto(record);
  await gp.getByText('Add a note or contact').click();
  await expect(gp.getByRole('button', { name: 'Add to timeline' })).toBeVisible();

  // A change page opened directly explains instead of showing a form that cannot be saved.
  for (const path of WRITE_PAGES) {
    const response = await gp.goto(`${record}${path}`);
    expect(response?.status(), path).toBe(200);
    await expect(gp.getByTestId('emergency-banner')).toBeVisible();
    // In the policy's words: emergency access is read-only (a GP's role never changes the named contact at all).
    await expect(gp.getByTestId('read-only-notice')).toContainText(
      path === '/named-contact' ? 'Your role does not allow this' : 'lets you read this record and add a note of what you did',
    );
    await expect(gp.locator('#maincontent form:not([method="get"])')).toHaveCount(0);
    await expectAccessible(gp);
  }
});

// #17 item 19: emergency access is not offered where it cannot work.
test('after the person withdrew consent, the housing officer is told why, not offered emergency access', async ({ browser }) => {
  const navigator = await (await browser.newContext({ storageState: statePath('navigator') })).newPage();
  const record = await openRecord(navigator, 'Ronald Robinson');

  const housing = await (await browser.newContext({ storageState: statePath('housing') })).newPage();
  expect((await housing.goto(record))?.status()).toBe(403);
  await expect(housing.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  await expect(housing.getByRole('link', { name: 'ask for emergency access' })).toHaveCount(0);
  const why = housing.getByTestId('emergency-access-unavailable');
  await expect(why).toContainText('made a decision about sharing with your service');
  await expect(why).toContainText('Caldicott guardian');
  await expectAccessible(housing);

  await housing.goto(`${record}/emergency-access`);
  await expect(housing.getByTestId('emergency-access-unavailable')).toContainText('made a decision about sharing with your service');
  await expect(housing.getByRole('button', { name: 'Open the record in an emergency' })).toHaveCount(0);
  await expectAccessible(housing);
});
