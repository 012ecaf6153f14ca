import { expect, test, type Locator, type Page } from '@playwright/test';
import { formatDate, weekStartInEngland } from '../server/calendar/england-time';
import { startMeetingWithFirstPerson } from './mdt-helpers';
import { expectAccessible, statePath, untidyNames } from './helpers';

test.use({ storageState: statePath('navigator') });

/** The chart (drawn once the page is interactive) whose table of numbers has this caption. */
async function chartAndTable(page: Page, label: string) {
  const figure = page.locator('figure').filter({ has: page.getByRole('table', { name: `${label}: the chart’s numbers` }) });
  const svg = figure.locator('.carenav-chart svg.recharts-surface');
  await expect(svg).toBeVisible();
  const rows = figure.getByRole('table').locator('tbody tr');
  return { svg, rows };
}

/** Every tick label of one of the chart's axes, as shown (recharts draws them in a layer of their own). */
const ticksOf = (svg: Locator, axis: 'xAxis' | 'yAxis') =>
  svg.locator(`.recharts-${axis}-tick-labels .recharts-cartesian-axis-tick-label text`);

/** The first cell of each row (its column heading at phone width is drawn by CSS, not in its text). */
function firstColumn(rows: Locator): Promise<string[]> {
  return rows.locator('td:first-child').evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ''));
}

async function expectEveryBarNamed(page: Page) {
  const { svg, rows } = await chartAndTable(page, 'Share answered within target, by service');
  const services = await firstColumn(rows);
  expect(services.length).toBeGreaterThan(1);
  // One visible label per bar, each naming its service in full (wrapped over lines if need be),
  // wholly inside the chart and clear of the next one.
  const ticks = ticksOf(svg, 'yAxis');
  await expect(ticks).toHaveCount(services.length);
  const box = (await svg.boundingBox())!;
  let below = box.y;
  for (let i = 0; i < services.length; i++) {
    await expect(ticks.nth(i)).toBeVisible();
    const words = (await ticks.nth(i).locator('tspan').allTextContents()).join(' ');
    expect(words).toBe(services[i]!.replace(/\s+/g, ' ').trim());
    const tick = (await ticks.nth(i).boundingBox())!;
    expect(tick.x).toBeGreaterThanOrEqual(box.x - 0.5);
    expect(tick.y).toBeGreaterThanOrEqual(below - 0.5);
    below = tick.y + tick.height;
  }
  expect(below).toBeLessThanOrEqual(box.y + box.height + 0.5);
}

test('every bar of a chart on /metrics is named, dates read as elsewhere, the last label is whole, the week under way is not drawn', async ({
  page,
}) => {
  await page.goto('/metrics');
  await expect(page.getByRole('heading', { level: 1, name: 'Measures of joined-up care' })).toBeVisible();
  await expectEveryBarNamed(page);

  const { svg, rows } = await chartAndTable(page, 'Median hours from flag to first contact, by week flagged');
  const weeks = await firstColumn(rows);
  expect(weeks.length).toBeGreaterThan(0);
  for (const week of weeks) expect(week).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
  // The week under way is left out until it ends, rather than drawn as a false low or zero.
  expect(weeks).not.toContain(formatDate(weekStartInEngland(Date.now())));
  const ticks = ticksOf(svg, 'xAxis');
  const shown = await ticks.allTextContents();
  expect(shown.length).toBeGreaterThan(0);
  for (const label of shown) expect(label).toMatch(/^\d{1,2} [A-Z][a-z]{2}$/);
  // The first and last date labels sit wholly inside the chart: neither is clipped.
  const box = (await svg.boundingBox())!;
  for (const tick of [ticks.first(), ticks.last()]) {
    const at = (await tick.boundingBox())!;
    expect(at.x).toBeGreaterThanOrEqual(box.x - 0.5);
    expect(at.x + at.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
  }
  await expectAccessible(page);

  // At phone width too, every bar keeps its label (wrapped onto more lines).
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expectEveryBarNamed(page);
  await expectAccessible(page);
});

test('MDT reasons are separate, named tags; "To do" stays on one line', async ({ page }) => {
  await page.goto('/mdt');
  await expect(page.getByRole('heading', { level: 1, name: 'MDT worklist' })).toBeVisible();
  const firstPerson = page.getByRole('table').getByRole('row').nth(1);
  const name = ((await firstPerson.getByRole('link').first().textContent()) ?? '').trim();
  const reasons = firstPerson.getByRole('list', { name: `Why ${name} is on the list` }).getByRole('listitem');
  expect(await reasons.count()).toBeGreaterThan(0);
  for (const reason of await reasons.allTextContents()) expect(reason).toMatch(/^[A-Z0-9][^A-Z]*$/);
  await expectAccessible(page);

  // In a meeting, each person still to discuss has the same list, not tags run together.
  await startMeetingWithFirstPerson(page, 'Nadia Hussain (care coordinator)\nDr Helen Marsh (GP)');
  const section = page
    .getByRole('region')
    .filter({ has: page.getByRole('heading', { level: 3 }) })
    .last();
  const person = ((await section.getByRole('heading', { level: 3 }).textContent()) ?? '').trim();
  const tags = section.getByRole('list', { name: `Why ${person} is on the list` }).getByRole('listitem');
  expect(await tags.count()).toBeGreaterThan(0);
  for (const reason of await tags.allTextContents()) expect(reason).toMatch(/^[A-Z0-9][^A-Z]*$/);
  await expectAccessible(page);

  // A status tag's words never split over two lines, even in a narrow table cell.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/tasks?view=team');
  const toDo = page.locator('.nhsuk-tag', { hasText: 'To do' });
  await expect(toDo.first()).toBeVisible();
  const lines = await toDo.evaluateAll((tags) => tags.map((t) => t.getClientRects().length));
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((n) => n === 1)).toBe(true);
  await expectAccessible(page);
});

test('no link or button on the main pages or a record’s tabs has stray spaces in its name', async ({ page }) => {
  // It visits every main page and every tab of a record, scanning each: minutes on a slow two-core machine.
  test.setTimeout(300_000);
  // expectAccessible checks every link's and button's name in the main content (untidyNames).
  for (const path of ['/', '/caseload', '/tasks', '/referrals', '/discharges', '/mdt', '/notifications']) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await page.goto('/caseload');
  await page.getByRole('table').getByRole('link').first().click();
  await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
  const record = new URL(page.url()).pathname;
  for (const tab of ['', '/carers', '/consent', '/care-team', '/access']) {
    await page.goto(`${record}${tab}`);
    await expectAccessible(page);
    expect(await untidyNames(page)).toEqual([]);
  }
});
