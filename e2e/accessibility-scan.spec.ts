/** The scan every page's test runs (helpers.ts) finds what it must: a check that cannot fail proves nothing. */
import { expect, test } from '@playwright/test';
import { axeViolations } from './helpers';

test('the accessibility scan reports WCAG 2.2 AA violations, and a page with a frame is refused', async ({ page }) => {
  await page.setContent(
    '<html lang="en"><head><title>Scan check</title></head><body><main><h1>Scan check</h1>' +
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><a href="/x"></a>' +
      '<p style="color:#777;background:#888">Hard to read</p><input type="text"></main></body></html>',
  );
  const ids = (await axeViolations(page)).map((v) => v.id).sort();
  expect(ids).toEqual(['color-contrast', 'image-alt', 'label', 'link-name']);
  await page.setContent('<html lang="en"><head><title>Clean</title></head><body><main><h1>Clean</h1><p>Fine.</p></main></body></html>');
  expect(await axeViolations(page)).toEqual([]);
  await page.setContent(
    '<html lang="en"><head><title>Framed</title></head><body><main><h1>Framed</h1><iframe title="x"></iframe></main></body></html>',
  );
  await expect(axeViolations(page)).rejects.toThrow(/a frame on/);
});
