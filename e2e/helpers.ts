import axe from 'axe-core';
import { expect, type Page } from '@playwright/test';

export const ROLE_ACCOUNTS = {
  navigator: 'navigator@demo.carenav.test',
  gp: 'gp@demo.carenav.test',
  hospital: 'hospital@demo.carenav.test',
  socialworker: 'socialworker@demo.carenav.test',
  housing: 'housing@demo.carenav.test',
  voluntary: 'voluntary@demo.carenav.test',
  carer: 'carer@demo.carenav.test',
  admin: 'admin@demo.carenav.test',
} as const;
export type DemoRole = keyof typeof ROLE_ACCOUNTS;

export const statePath = (role: string) => `e2e/.auth/${role}.json`;

/** Zero WCAG 2.2 AA violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  // After a client-side navigation Next sets the title and heading a moment after the URL changes:
  // scan the page once it has rendered, not the page in between.
  await expect(page).toHaveTitle(/\S/);
  await expect(page.locator('h1').first()).toBeVisible();
  const violations = await axeViolations(page);
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
  // axe no longer checks duplicate ids (WCAG 2.2 dropped 4.1.1), but a repeated form reusing ids
  // sends a label's click to another form's field: every id on every scanned page is unique.
  const duplicates = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
  });
  expect(duplicates, `ids used more than once on ${page.url()}`).toEqual([]);
  // One place in the menu at a time: never two items marked as the current section.
  const marked = await page.locator('.nhsuk-header__navigation-link[aria-current]').count();
  expect(marked, `menu items marked current on ${page.url()}`).toBeLessThanOrEqual(1);
  // A screen reader reads a link or button by its name: no stray spaces in it (" Jane Smith ", "Change  name").
  expect(await untidyNames(page), `links and buttons with stray spaces in their names on ${page.url()}`).toEqual([]);
}

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's WCAG 2.2 AA violations on the page, run in the page itself. @axe-core/playwright's
 * AxeBuilder does the same, but opens a blank page to assemble every scan's results (so it can
 * cover iframes): about 3 s a scan on two cores against 0.5–0.8 s here, for pages that have no
 * frames, which is checked (a page with one would need AxeBuilder back).
 */
export async function axeViolations(page: Page): Promise<axe.Result[]> {
  expect(await page.locator('iframe, frame').count(), `a frame on ${page.url()}: scan it with @axe-core/playwright`).toBe(0);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(
    async (tags) =>
      (
        await (window as unknown as { axe: typeof axe }).axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        })
      ).violations,
    WCAG_22_AA,
  );
}

/**
 * The links and buttons in the page's main content whose name, as our markup gives it (the
 * aria-label, else the text, visually hidden words included), starts or ends with a space or has two
 * spaces together (" Jane Smith ", "Change  name"). Chrome's computed names also put spaces around
 * every visually hidden span (it is positioned out of flow), which screen readers collapse: the
 * markup is what we control, so the markup is checked.
 */
export async function untidyNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main a, main button, main [role="button"]')]
      .map((el) => ({
        role: el.tagName === 'A' ? 'link' : 'button',
        name: el.getAttribute('aria-label') ?? el.textContent ?? '',
      }))
      .filter(({ name }) => /^\s|\s$|\s\s/.test(name))
      .map(({ role, name }) => `${role} ${JSON.stringify(name)}`),
  );
}

/** A valid NHS number in the 999 test range that the demo seed does not use. */
export function freshNhsNumber(): string {
  for (;;) {
    const stem = `9998${String(Math.floor(Math.random() * 100000)).padStart(5, '0')}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(stem[i]) * (10 - i);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${stem}${check === 11 ? 0 : check}`;
  }
}

/** Creates a person through the UI as the signed-in user and returns the record's URL path. */
export async function createPerson(
  page: Page,
  person: { givenName: string; familyName: string; practice?: string; nhsNumber?: string },
): Promise<string> {
  await page.goto('/patients/new');
  await page.getByLabel('NHS number').fill(person.nhsNumber ?? freshNhsNumber());
  await page.getByLabel('Given name').fill(person.givenName);
  await page.getByLabel('Family name').fill(person.familyName);
  await page.getByLabel('Date of birth').fill('1942-05-17');
  await page.getByLabel('Registered GP practice').selectOption({ label: person.practice ?? 'Riverside Medical Practice' });
  await page.getByRole('button', { name: 'Create record' }).click();
  await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: `${person.givenName} ${person.familyName}` })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** Finds a person by name from /patients and opens their record; returns its path. */
export async function openRecord(page: Page, name: string): Promise<string> {
  await page.goto('/patients');
  await page.getByLabel('Name or NHS number').fill(name);
  await page.getByRole('button', { name: 'Search' }).click();
  const link = page.getByRole('link', { name, exact: true });
  const refused = page.locator('.nhsuk-error-summary');
  // A refused search (e.g. the look-up limit) fails here with its message, not after the test's timeout.
  await expect(link.or(refused).first()).toBeVisible();
  if (await refused.isVisible()) throw new Error(`Searching for ${name} was refused: ${await refused.innerText()}`);
  await link.click();
  await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}
