import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, openRecord, statePath, type DemoRole } from './helpers';

// #17 item 9: every page works at phone width (WCAG 1.4.10 reflow): nothing runs off the side, and
// tables keep their column headings on every cell.
test.use({ viewport: { width: 375, height: 800 } });

/** Opens `path` at 375 px: it loads, nothing scrolls sideways, and it passes the accessibility checks. */
async function expectReflows(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBeLessThan(400);
  await expect(page.locator('h1').first()).toBeVisible();
  // The NHS header moves menu items that do not fit under "More" once its script has run: wait for it.
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const width = window.innerWidth;
          if (document.documentElement.scrollWidth <= width) return null;
          // What sticks out, to say what to fix.
          const wide = [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > width + 1)
            .slice(0, 5)
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)}px)`);
          return `${document.documentElement.scrollWidth}px wide: ${wide.join(', ')}`;
        }),
      { message: `horizontal overflow on ${path} at 375 px`, timeout: 5_000 },
    )
    .toBeNull();
  await expectAccessible(page);
}

/** The first link on `listPath` whose path matches `pattern` (an item to open), or null when the list is empty. */
async function firstItem(page: Page, listPath: string, pattern: RegExp): Promise<string | null> {
  await page.goto(listPath);
  const hrefs = await page.locator('#maincontent a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.find((h) => pattern.test(h)) ?? null;
}

const ID = '[0-9a-f-]{36}';

async function as(browser: Browser, role: DemoRole) {
  const context = await browser.newContext({ storageState: statePath(role), viewport: { width: 375, height: 800 } });
  return context.newPage();
}

test('navigator: caseload, search, a record and each of its pages, at 375 px', async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await as(browser, 'navigator');
  await expectReflows(page, '/caseload');
  // The caseload stays labelled at phone width: each cell shows its column's heading beside its value.
  for (const heading of ['Age', 'Last contact']) {
    const cell = page.locator(`#maincontent td[data-label="${heading}"]`).first();
    await expect(cell).toBeVisible();
    const shown = await cell.evaluate((td) => {
      const before = getComputedStyle(td, '::before');
      return { content: before.content, display: before.display };
    });
    expect(shown.content).toContain(heading);
    expect(shown.display).not.toBe('none');
  }
  // At desktop width the headings are the table's own column headers, not repeated in each cell.
  await page.setViewportSize({ width: 1200, height: 800 });
  const desktop = await page
    .locator('#maincontent td[data-label="Age"]')
    .first()
    .evaluate((td) => getComputedStyle(td, '::before').content);
  expect(desktop).toBe('none');
  await page.setViewportSize({ width: 375, height: 800 });
  await expectReflows(page, '/caseload?scope=team');
  await expectReflows(page, '/patients');
  await expectReflows(page, '/patients/new');
  const record = await openRecord(page, 'Joan Marsh');
  for (const sub of [
    '',
    '/care-team',
    '/consent',
    '/carers',
    '/wellbeing',
    '/access',
    '/edit',
    '/about-me',
    '/named-contact',
    '/tasks/new',
    '/referrals/new',
  ]) {
    await expectReflows(page, `${record}${sub}`);
  }
  // The record's tabs wrap: every one is inside the page.
  await page.goto(record);
  for (const tab of await page.getByRole('navigation', { name: 'Sections of this record' }).getByRole('link').all()) {
    const box = (await tab.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
  }
});

test('navigator: referrals, tasks, discharges, notifications, MDT, measures and account, at 375 px', async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await as(browser, 'navigator');
  for (const [list, item] of [
    ['/referrals', new RegExp(`^/referrals/${ID}$`)],
    ['/tasks', new RegExp(`^/tasks/${ID}$`)],
    ['/discharges', new RegExp(`^/discharges/${ID}$`)],
    ['/mdt', new RegExp(`^/mdt/${ID}$`)],
  ] as const) {
    await expectReflows(page, list);
    const found = await firstItem(page, list, item);
    if (found) await expectReflows(page, found);
  }
  for (const path of [
    '/tasks?view=team',
    '/discharges/new',
    '/notifications',
    '/metrics',
    '/account',
    '/account/sessions',
    '/account/password',
  ]) {
    await expectReflows(page, path);
  }
});

test('GP, hospital, social worker and housing: their pages at 375 px', async ({ browser }) => {
  test.setTimeout(240_000);
  const pages: [DemoRole, string[]][] = [
    ['gp', ['/patients', '/discharges', '/discharges/new', '/tasks', '/referrals']],
    ['hospital', ['/discharges', '/discharges/new']],
    ['socialworker', ['/patients', '/tasks', '/referrals']],
    ['housing', ['/patients', '/tasks', '/referrals']],
  ];
  for (const [role, paths] of pages) {
    const page = await as(browser, role);
    for (const path of paths) await expectReflows(page, path);
    const referral = await firstItem(page, '/referrals', new RegExp(`^/referrals/${ID}$`));
    if (referral) await expectReflows(page, referral);
    if (role === 'hospital') {
      const discharge = await firstItem(page, '/discharges', new RegExp(`^/discharges/${ID}$`));
      if (discharge) await expectReflows(page, discharge);
    }
    await page.context().close();
  }
});

test('administrator and carer: their pages at 375 px', async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await as(browser, 'admin');
  for (const path of [
    '/admin',
    '/admin/users/new',
    '/admin/organisations/new',
    '/admin/services',
    '/admin/checklist',
    '/admin/carers',
    '/admin/access-reviews',
    '/admin/users/clinical-review',
    '/metrics',
  ]) {
    await expectReflows(admin, path);
  }
  const user = await firstItem(admin, '/admin', new RegExp(`^/admin/users/${ID}$`));
  if (user) await expectReflows(admin, user);
  const service = await firstItem(admin, '/admin/services', new RegExp(`^/admin/services/${ID}$`));
  if (service) await expectReflows(admin, service);

  const carer = await as(browser, 'carer');
  await expectReflows(carer, '/carer');
  const access = await firstItem(carer, '/carer', new RegExp(`^/carer/${ID}/access$`));
  if (access) await expectReflows(carer, access);
});
