import { expect, test } from '@playwright/test';
import { expectAccessible, statePath } from './helpers';

test.use({ storageState: statePath('navigator') });

// #18: a list shows a first page of 25, with a link to the next page and one back to the first,
// and keeps the chosen view and order while paging.
test('the caseload shows 25 people a page; the next page keeps the sort, and leads back to the first', async ({ page }) => {
  await page.goto('/caseload?sort=lastContact');
  const table = page.getByRole('table');
  await expect(table.locator('caption')).toHaveText(/^25 people \(first page\)$/);
  await expect(table.locator('tbody tr')).toHaveCount(25);
  const firstPage = await table.locator('tbody tr').first().getByRole('link').textContent();
  await expect(page.getByRole('link', { name: 'Back to the first page' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Show the next 25 people' }).click();
  await expect(page).toHaveURL(/[?&]sort=lastContact/);
  await expect(page).toHaveURL(/[?&]after=/);
  await expect(table.locator('caption')).toContainText('(a later page)');
  await expect(page.getByText('Sorted by last contact, longest ago first.')).toBeVisible();
  await expect(table.locator('tbody tr').first().getByRole('link')).not.toHaveText(firstPage ?? '');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Back to the first page' }).click();
  await expect(table.locator('caption')).toHaveText(/\(first page\)$/);
  await expect(table.locator('tbody tr').first().getByRole('link')).toHaveText(firstPage ?? '');
  await expectAccessible(page);
});

test('each task list opens on its first page with no way back needed, and an empty later page says so', async ({ page }) => {
  for (const view of ['mine', 'team', 'overdue', 'done']) {
    await page.goto(`/tasks?view=${view}`);
    await expect(page.getByRole('link', { name: 'Back to the first page' })).toHaveCount(0);
    await expectAccessible(page);
  }
  // A cursor past the end of the queue (the largest due key, a made-up id): nothing more to show.
  await page.goto('/tasks?view=team&after=99999999999999_ffffffff-ffff-4fff-bfff-ffffffffffff');
  await expect(page.getByText('There are no more tasks.')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the first page' }).click();
  await expect(page).toHaveURL(/\/tasks\?view=team$/);
  await expect(page.getByRole('table')).toBeVisible();
  await expectAccessible(page);
});
