import { expect, test } from '@playwright/test';
import { expectAccessible, openRecord, statePath } from './helpers';

test('a navigator invites a carer, who accepts, sees the summary, sends an update the navigator sees; the carer gets 403 on staff pages', async ({
  browser,
}) => {
  const navigator = await (await browser.newContext({ storageState: statePath('navigator') })).newPage();
  const person = 'Doris Lister';
  const record = await openRecord(navigator, person);

  // No consent to share with a carer yet: the Carers tab says what to do first.
  await navigator.getByRole('link', { name: 'Carers' }).click();
  await expect(navigator.getByRole('heading', { level: 2, name: 'Invite a carer' })).toBeVisible();
  await expect(navigator.getByText('has not agreed to share with a carer')).toBeVisible();
  await expectAccessible(navigator);
  await navigator.getByRole('link', { name: 'Record their consent' }).click();
  await navigator.getByLabel('A named carer').check();
  await navigator.getByLabel('Carer’s name and relationship').fill('Susan Lister (niece)');
  await navigator.getByLabel('Granted').check();
  await navigator.getByRole('button', { name: 'Record decision' }).click();
  await expect(navigator.getByText('Consent decision recorded.')).toBeVisible();

  await navigator.getByRole('link', { name: 'Carers' }).click();
  const email = `susan.${Date.now()}@example.com`;
  await navigator.getByRole('button', { name: 'Invite carer' }).click();
  await expect(navigator.locator('.nhsuk-error-summary')).toContainText('Email address must be a real email address');
  await navigator.getByLabel('Carer’s email address').fill(email);
  await navigator.getByLabel('Relationship to the person').fill('Niece');
  await navigator.getByRole('button', { name: 'Invite carer' }).click();
  const link = (await navigator.getByTestId('invitation-link').textContent()) ?? '';
  expect(link).toMatch(/\/invitation#[A-Za-z0-9_-]{43}$/);
  await expect(navigator.getByRole('row', { name: /Susan Lister \(niece\)/ })).toContainText('Waiting to be accepted');
  await expectAccessible(navigator);

  // The carer opens the link with no account, sets a password (rules shown first) and lands on /carer.
  const carerContext = await browser.newContext();
  const carer = await carerContext.newPage();
  await carer.goto(`/invitation${new URL(link).hash}`);
  await expect(carer.getByRole('heading', { level: 1, name: 'See the care of someone you look after' })).toBeVisible();
  await expect(carer.getByText('Use at least 12 characters')).toBeVisible();
  await expectAccessible(carer);
  await carer.getByLabel('Create a password').fill('too short');
  await carer.getByLabel('Type the password again').fill('too short');
  await carer.getByRole('button', { name: 'Create account and sign in' }).click();
  await expect(carer.locator('.nhsuk-error-summary')).toContainText('Password must be at least 12 characters');
  // Long enough is not enough (#16 finding 17).
  await carer.getByLabel('Create a password').fill('aaaaaaaaaaaa');
  await carer.getByLabel('Type the password again').fill('aaaaaaaaaaaa');
  await carer.getByRole('button', { name: 'Create account and sign in' }).click();
  await expect(carer.locator('.nhsuk-error-summary')).toContainText('repeated letters or numbers like "aaa" are easy to guess');
  await carer.getByLabel('Create a password').fill('plum orchard lantern');
  await carer.getByLabel('Type the password again').fill('plum orchard lantern');
  await carer.getByRole('button', { name: 'Create account and sign in' }).click();
  await carer.waitForURL('/carer');
  await expect(carer.getByRole('heading', { level: 2, name: person })).toBeVisible();
  await expect(carer.getByRole('heading', { name: 'Who to call' })).toBeVisible();
  await expect(carer.getByText('Nadia Hussain').first()).toBeVisible();
  await expectAccessible(carer);

  await carer.getByLabel(`Send an update about ${person}`).fill('Aunt Doris has not been eating much this week');
  await carer.getByRole('button', { name: 'Send update' }).click();
  await expect(carer.getByText('Sent. The named contact has been told')).toBeVisible();

  await carer.getByRole('link', { name: `Who has seen ${person}’s record` }).click();
  await expect(carer.getByRole('heading', { level: 1, name: 'Who has seen the record' })).toBeVisible();
  await expect(carer.getByRole('cell', { name: 'Recorded a consent decision' }).first()).toBeVisible();
  await expectAccessible(carer);

  // The link was single use.
  await carer.goto(`/invitation${new URL(link).hash}`);
  await expect(carer.getByRole('heading', { level: 1, name: 'This link does not work' })).toBeVisible();
  await expect(carer.getByText('already been used')).toBeVisible();

  // Staff pages are refused.
  const refused = await carer.goto(record);
  expect(refused?.status()).toBe(403);
  await expect(carer.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  await expect(carer.getByRole('link', { name: 'ask for emergency access' })).toHaveCount(0);

  await navigator.goto(record);
  await expect(navigator.getByText('Aunt Doris has not been eating much this week')).toBeVisible();
  await expect(navigator.getByRole('heading', { name: /Update from Susan Lister/ })).toBeVisible();
  await carerContext.close();
});

test('a GP breaks glass on a person at another practice with a reason; the admin reviews it', async ({ browser }) => {
  const navigator = await (await browser.newContext({ storageState: statePath('navigator') })).newPage();
  const person = 'Harold Patel';
  const record = await openRecord(navigator, person);

  const gp = await (await browser.newContext({ storageState: statePath('gp') })).newPage();
  const response = await gp.goto(record);
  expect(response?.status()).toBe(403);
  await gp.getByRole('link', { name: 'ask for emergency access' }).click();
  await expect(gp.getByRole('heading', { level: 1, name: 'Emergency access to a record' })).toBeVisible();
  await expectAccessible(gp);
  await gp.getByLabel('Why do you need to see this record now?').fill('urgent');
  await gp.getByRole('button', { name: 'Open the record in an emergency' }).click();
  await expect(gp.locator('.nhsuk-error-summary')).toContainText('Reason must be at least 15 characters');
  await gp.getByLabel('Why do you need to see this record now?').fill('Out of hours: called by paramedics, need his medication list');
  await gp.getByRole('button', { name: 'Open the record in an emergency' }).click();
  await gp.waitForURL(record);
  await expect(gp.getByRole('heading', { level: 1, name: person })).toBeVisible();
  await expect(gp.getByText(/Emergency access until/)).toBeVisible();
  await gp.getByText('Why can I see this?').click();
  await expect(gp.getByText(/because you used emergency access \(break glass\) until/)).toBeVisible();
  await expectAccessible(gp);

  // The person's Access tab lists it, marked, with the reason.
  await navigator.goto(`${record}/access`);
  await expect(navigator.getByRole('heading', { level: 2, name: 'Who has seen this record' })).toBeVisible();
  await expect(navigator.getByRole('row', { name: /Dr Helen Marsh.*Opened the record.*Emergency access/ }).first()).toContainText(
    'need his medication list',
  );
  await navigator.getByLabel('Organisation').selectOption({ label: 'Riverside Medical Practice' });
  await navigator.getByRole('button', { name: 'Show' }).click();
  await expect(navigator.getByRole('row', { name: /Care navigator/ })).toHaveCount(0);
  await expectAccessible(navigator);

  const admin = await (await browser.newContext({ storageState: statePath('admin') })).newPage();
  await admin.goto('/admin');
  await admin.getByRole('link', { name: 'Emergency access reviews' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Emergency access reviews' })).toBeVisible();
  const card = admin.getByRole('region', { name: `Dr Helen Marsh opened ${person}’s record` });
  await expect(card).toContainText('need his medication list');
  await card.getByText(/What they opened/).click();
  await expect(card).toContainText('Opened the record');
  await expectAccessible(admin);
  await card.getByRole('button', { name: 'Save review' }).click();
  await expect(card.locator('.nhsuk-error-summary')).toContainText('Choose whether the access was appropriate');
  await card.getByLabel('Appropriate', { exact: true }).check();
  await card.getByLabel('Note').fill('Confirmed with the out-of-hours service');
  await card.getByRole('button', { name: 'Save review' }).click();
  await expect(card).toHaveCount(0);
  await admin.getByRole('link', { name: 'Reviewed' }).click();
  await expect(admin.getByRole('region', { name: `Dr Helen Marsh opened ${person}’s record` })).toContainText(
    'Confirmed with the out-of-hours service',
  );
  await expectAccessible(admin);
});
