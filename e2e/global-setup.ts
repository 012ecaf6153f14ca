import { chromium, type FullConfig } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { ROLE_ACCOUNTS, statePath } from './helpers';

/** Signs in once per role through the real login form and saves the browser state for the specs. */
export default async function globalSetup(config: FullConfig) {
  const project = config.projects[0]!;
  const baseURL = project.use.baseURL!;
  mkdirSync('e2e/.auth', { recursive: true });
  const browser = await chromium.launch(project.use.launchOptions);
  for (const [role, email] of Object.entries(ROLE_ACCOUNTS)) {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await context.storageState({ path: statePath(role) });
    await context.close();
  }
  await browser.close();
}
