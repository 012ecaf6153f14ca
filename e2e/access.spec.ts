import { expect, test } from '@playwright/test';
import { createPerson, expectAccessible, statePath } from './helpers';

test('a GP opening a person registered at another practice gets the 403 page', async ({ browser }) => {
  const navigator = await browser.newContext({ storageState: statePath('navigator') });
  const navPage = await navigator.newPage();
  const record = await createPerson(navPage, { givenName: 'Leonard', familyName: 'Hillside', practice: 'Hillside Surgery' });
  await navigator.close();

  const gp = await browser.newContext({ storageState: statePath('gp') });
  const page = await gp.newPage();
  const response = await page.goto(record);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  await expect(page.getByText('Leonard')).toHaveCount(0);
  await expect(page.getByText(/You are not involved in this person’s care/)).toBeVisible();
  await expectAccessible(page);
  await gp.close();
});

test('a GP can open a person registered at their own practice', async ({ browser }) => {
  const navigator = await browser.newContext({ storageState: statePath('navigator') });
  const navPage = await navigator.newPage();
  const record = await createPerson(navPage, { givenName: 'Gwen', familyName: 'Riverside' });
  await navigator.close();
  const gp = await browser.newContext({ storageState: statePath('gp') });
  const page = await gp.newPage();
  await page.goto(record);
  await expect(page.getByRole('heading', { level: 1, name: 'Gwen Riverside' })).toBeVisible();
  await page.getByText('Why can I see this?').click();
  await expect(page.getByText(/registered at your GP practice/)).toBeVisible();
  await gp.close();
});

test('a carer cannot open a staff page', async ({ browser }) => {
  const carer = await browser.newContext({ storageState: statePath('carer') });
  const page = await carer.newPage();
  const response = await page.goto('/patients');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  await carer.close();
});

test('the carer sees the named contact and care team of the person who agreed to share', async ({ browser }) => {
  const carer = await browser.newContext({ storageState: statePath('carer') });
  const page = await carer.newPage();
  await page.goto('/carer');
  await expect(page.getByRole('heading', { name: 'Who to call' })).toBeVisible();
  await expect(page.getByText('You are linked as: Daughter')).toBeVisible();
  await expect(page.getByText('District nurse visit at home: leg dressing')).toBeVisible();
  await page.getByText('Why can I see this?').click();
  await expect(page.getByText(/consent to share with you was given on/)).toBeVisible();
  await expectAccessible(page);
  await carer.close();
});

test('the health check answers ok', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('the API refuses a person’s record to an unrelated GP with FORBIDDEN', async ({ browser }) => {
  const navigator = await browser.newContext({ storageState: statePath('navigator') });
  const navPage = await navigator.newPage();
  const record = await createPerson(navPage, { givenName: 'Trevor', familyName: 'Api', practice: 'Hillside Surgery' });
  await navigator.close();
  const gp = await browser.newContext({ storageState: statePath('gp') });
  const input = encodeURIComponent(JSON.stringify({ patientId: record.split('/').at(-1) }));
  const response = await gp.request.get(`/api/trpc/patients.get?input=${input}`);
  expect(response.status()).toBe(403);
  const body = (await response.json()) as { error: { data: { code: string } } };
  expect(body.error.data.code).toBe('FORBIDDEN');

  // A search sent by GET carries the name and NHS number in its query string: the request log keeps
  // the route only (scripts/scan-e2e-log.ts fails the run if either reaches a log line).
  const nhsNumber = '9998000001';
  const search = encodeURIComponent(JSON.stringify({ query: `Trevor Api ${nhsNumber}` }));
  const searched = await gp.request.get(`/api/trpc/patients.search?input=${search}`);
  expect(searched.status()).toBe(200);
  await gp.close();
});
