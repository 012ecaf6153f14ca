/**
 * Each role's main journey (their home → their main list → an item → a typical action's form), at
 * desktop width and at 375 px (WCAG 1.4.10 reflow), with axe on every state and, at 375 px, no
 * sideways scrolling. The journeys change nothing, so they run beside every other spec.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, statePath, type DemoRole } from './helpers';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 375, height: 800 },
] as const;

/** Accessible, and (on a phone) nothing wider than the screen. */
async function check(page: Page) {
  await expectAccessible(page);
  const width = page.viewportSize()?.width ?? 1280;
  if (width > 400) return;
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    // Inside a box that clips or scrolls (a visually hidden table heading, a scrolling region): not off the page.
    const contained = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    const wide = [...document.querySelectorAll('main *')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 1 && box.right > root.clientWidth + 1 && !contained(el);
      })
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`);
    return { scroll: root.scrollWidth - root.clientWidth, wide };
  });
  expect(overflow, `sideways scrolling at ${width} px on ${page.url()}`).toEqual({ scroll: 0, wide: [] });
}

/** Clicks the first link in `scope` whose address starts with `prefix`, and waits for that page. */
async function openFirst(page: Page, prefix: string, scope = page.locator('main')) {
  const link = scope.locator(`a[href^="${prefix}"]`).first();
  const href = await link.getAttribute('href');
  await link.click();
  await page.waitForURL((url) => url.pathname === href);
}

async function goHome(page: Page, path: string) {
  await page.goto('/');
  await page.waitForURL((url) => url.pathname === path);
  await check(page);
}

/** On a person's record: open the form to add a note or contact. */
async function openNoteForm(page: Page) {
  await page.getByText('Add a note or contact').click();
  await expect(page.getByLabel('A contact with the person')).toBeVisible();
  await check(page);
}

const JOURNEYS: Record<DemoRole, (page: Page) => Promise<void>> = {
  navigator: async (page) => {
    await goHome(page, '/caseload');
    await openFirst(page, '/patients/', page.locator('main table'));
    await check(page);
    await openNoteForm(page);
  },
  gp: async (page) => {
    await goHome(page, '/home');
    // Their people: find one by name, as from the search page.
    const person = page.locator('section', { has: page.getByRole('heading', { name: 'Your people' }) }).locator('a[href^="/patients/"]');
    const name = (await person.first().innerText()).trim();
    await page.goto('/patients');
    await page.getByLabel('Name or NHS number').fill(name);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('table')).toContainText(name);
    await check(page);
    await page.getByRole('table').getByRole('link', { name, exact: true }).first().click();
    await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
    await check(page);
    await openNoteForm(page);
  },
  hospital: async (page) => {
    await goHome(page, '/home');
    await page.goto('/discharges');
    await check(page);
    await openFirst(page, '/discharges/', page.locator('main table'));
    await check(page);
    await page.goto('/discharges/new');
    await expect(page.getByLabel('Date of birth')).toBeVisible();
    await check(page);
  },
  socialworker: async (page) => {
    await goHome(page, '/home');
    await page.goto('/tasks');
    await check(page);
    await openFirst(page, '/tasks/', page.locator('main table'));
    await expect(page.locator('main form').first()).toBeVisible();
    await check(page);
  },
  housing: async (page) => {
    await goHome(page, '/home');
    await page.goto('/referrals?view=active');
    await check(page);
    await openFirst(page, '/referrals/', page.locator('main table'));
    await expect(page.locator('main form').first()).toBeVisible();
    await check(page);
  },
  voluntary: async (page) => {
    await goHome(page, '/home');
    await openFirst(page, '/patients/', page.locator('section', { has: page.getByRole('heading', { name: 'Your people' }) }));
    await check(page);
    await openNoteForm(page);
  },
  carer: async (page) => {
    await goHome(page, '/carer');
    await openFirst(page, '/carer/');
    await check(page);
    await page.goBack();
    await expect(page.getByLabel(/^Send an update about/).first()).toBeVisible();
    await check(page);
  },
  admin: async (page) => {
    await goHome(page, '/admin');
    await openFirst(page, '/admin/users/', page.locator('main table'));
    await expect(page.getByLabel('Role')).toBeVisible();
    await check(page);
  },
};

for (const viewport of VIEWPORTS) {
  for (const [role, journey] of Object.entries(JOURNEYS) as [DemoRole, (page: Page) => Promise<void>][]) {
    test.describe(`${role} at ${viewport.width} px`, () => {
      test.use({ storageState: statePath(role), viewport });
      test(`${role}’s main journey at ${viewport.width} px`, async ({ page }) => {
        await journey(page);
      });
    });
  }
}
