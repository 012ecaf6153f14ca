import { test, expect } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPerson, expectAccessible, freshNhsNumber, ROLE_ACCOUNTS, statePath } from './helpers';
import { signIn, trpc } from './http';

const base = () => test.info().project.use.baseURL!;
const PASSWORD = 'demo-password';
const TEMPORARY_PASSWORD = 'a long temporary password';
const NEW_PASSWORD = 'river-stone-lantern-42';

/** An admin over HTTP adds a fresh staff account for one test, so no shared demo account is locked or limited. */
async function freshUser(role: 'navigator', label: string) {
  const admin = (await signIn(base(), ROLE_ACCOUNTS.admin, PASSWORD)).session;
  const orgs = (await trpc(base(), admin, 'admin.organisations', undefined)).data as unknown as { id: string; name: string }[];
  const org = orgs.find((o) => o.name === 'Riverside Care Navigation Team')!;
  const email = `${label}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.nhs.uk`;
  const created = await trpc(
    base(),
    admin,
    'admin.createUser',
    { name: `Staff ${label}`, email, role, organisationId: org.id, password: TEMPORARY_PASSWORD },
    'mutation',
  );
  expect(created.status).toBe(200);
  // An administrator's password is temporary: the API refuses everything else until the user chooses their own.
  const first = (await signIn(base(), email, TEMPORARY_PASSWORD)).session;
  const changed = await trpc(
    base(),
    first,
    'account.changePassword',
    { currentPassword: TEMPORARY_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    'mutation',
  );
  expect(changed.status).toBe(200);
  return { admin, email, id: (created.data as { id: string }).id };
}

test.describe('security headers', () => {
  test('pages carry a nonce-based CSP (no inline scripts), and every response is nosniff, no-referrer-leak and unframeable', async ({
    request,
  }) => {
    const page = await request.get('/login');
    const csp = page.headers()['content-security-policy']!;
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    // Next put this request's nonce on every script it wrote into the page.
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
    const html = await page.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A new nonce for every response.
    expect((await request.get('/login')).headers()['content-security-policy']).not.toContain(nonce);

    const api = await request.get('/api/health');
    expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
    for (const response of [page, api, await request.get(asset)]) {
      expect(response.headers()['x-content-type-options']).toBe('nosniff');
      expect(response.headers()['referrer-policy']).toBe('same-origin');
      expect(response.headers()['x-frame-options']).toBe('DENY');
    }
  });

  test('signed-in pages run under the policy without a single CSP violation', async ({ browser }) => {
    const context = await browser.newContext({ storageState: statePath('navigator') });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto('/caseload');
    await expectAccessible(page);
    await page.getByRole('table').getByRole('link').first().click();
    await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
    await page.getByText('Add a note or contact').click();
    await expect(page.getByLabel('Note', { exact: true })).toBeVisible();
    await page.goto('/metrics');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
    await context.close();
  });
});

test.describe('production mode', () => {
  let server: ChildProcess | undefined;
  const port = 3190;
  const prodBase = `http://localhost:${port}`;
  const adminEmail = 'first.admin@example.nhs.uk';
  const adminPassword = 'production-admin-password-77';

  test.beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carenav-prod-'));
    const env = {
      ...process.env,
      NODE_ENV: 'production' as const,
      CARENAV_DEMO: 'false',
      DATABASE_URL: `file:${join(dir, 'carenav.db')}`,
      NEXTAUTH_SECRET: 'a-production-like-secret-of-more-than-32-characters',
      NEXTAUTH_URL: 'https://carenav.example.nhs.uk',
      CARENAV_ADMIN_PASSWORD: adminPassword,
    };
    const created = spawnSync(
      'npx',
      ['tsx', 'db/create-admin-cli.ts', '--email', adminEmail, '--name', 'First Admin', '--organisation', 'Northshire ICB'],
      { env, encoding: 'utf8' },
    );
    expect(created.status, created.stderr).toBe(0);
    server = spawn('npx', ['next', 'start', '-p', String(port)], { env, stdio: 'ignore' });
    for (let i = 0; i < 120; i++) {
      const up = await fetch(`${prodBase}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error('the production server did not start');
  });
  test.afterAll(() => {
    server?.kill('SIGTERM');
  });

  test('cookies are Secure, HttpOnly and SameSite=Lax, and HSTS is sent on every response', async () => {
    const signedIn = await signIn(prodBase, adminEmail, adminPassword);
    expect(signedIn.signedIn).toBe(true);
    const session = signedIn.setCookies.find((c) => c.includes('session-token='))!;
    expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
    for (const cookie of signedIn.setCookies) {
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
    }
    const csrf = await fetch(`${prodBase}/api/auth/csrf`);
    expect(csrf.headers.getSetCookie().join('\n')).toMatch(
      /__Host-next-auth\.csrf-token=.*; HttpOnly.*; Secure|__Host-next-auth\.csrf-token=.*; Secure.*; HttpOnly/i,
    );
    for (const path of ['/login', '/api/health']) {
      const response = await fetch(`${prodBase}${path}`, { redirect: 'manual' });
      expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    }
    expect((await fetch(`${prodBase}/login`)).headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});

test.describe('sessions over HTTP', () => {
  test('ten wrong passwords lock the account: the right password is then refused with the lock-out message', async () => {
    const { email } = await freshUser('navigator', 'lockout');
    for (let i = 0; i < 10; i++) {
      const attempt = await signIn(base(), email, 'not-the-password');
      expect(attempt.signedIn).toBe(false);
    }
    const locked = await signIn(base(), email, NEW_PASSWORD);
    expect(locked.signedIn).toBe(false);
    expect(locked.error).toMatch(/Too many failed sign-in attempts/);
  });

  test('deactivating a user ends their session on their next request', async () => {
    const { admin, email, id } = await freshUser('navigator', 'deactivate');
    const user = await signIn(base(), email, NEW_PASSWORD);
    expect(user.signedIn).toBe(true);
    expect((await trpc(base(), user.session, 'notifications.unreadCount', undefined)).status).toBe(200);
    expect((await trpc(base(), admin, 'admin.updateUser', { userId: id, change: 'deactivate' }, 'mutation')).status).toBe(200);
    const after = await trpc(base(), user.session, 'notifications.unreadCount', undefined);
    expect(after.status).toBe(401);
    expect(after.code).toBe('UNAUTHORIZED');
    const page = await fetch(`${base()}/caseload`, { headers: { cookie: user.session.cookie }, redirect: 'manual' });
    expect(page.status).toBeGreaterThanOrEqual(300);
    expect(page.headers.get('location') ?? '').toContain('/login');
  });

  test('patient search is rate-limited per user, with a clear message', async () => {
    test.setTimeout(90_000);
    const { email } = await freshUser('navigator', 'search');
    const user = (await signIn(base(), email, NEW_PASSWORD)).session;
    // Search terms that are nobody's name: queries travel in the URL here, as they would for a script.
    // The e2e server's limit (playwright.config.ts), raised for the demo accounts every test shares.
    const limit = Number(process.env.CARENAV_SEARCHES_PER_MINUTE);
    expect(limit).toBeGreaterThan(0);
    for (let i = 0; i < limit; i++) expect((await trpc(base(), user, 'patients.search', { query: `Qz${i}` })).status).toBe(200);
    const limited = await trpc(base(), user, 'patients.search', { query: 'Qz-more' });
    expect(limited.status).toBe(429);
    expect(limited.code).toBe('TOO_MANY_REQUESTS');
    expect(limited.message).toMatch(/To protect people’s records from bulk look-ups, wait \d+ seconds? and try again/);
    // Another user is not affected.
    const navigator = (await signIn(base(), ROLE_ACCOUNTS.navigator, PASSWORD)).session;
    expect((await trpc(base(), navigator, 'patients.search', { query: 'Qz' })).status).toBe(200);
  });
});

test('50 concurrent conflicting edits of one record: one wins per version, the rest get CONFLICT, no update is lost', async () => {
  test.setTimeout(120_000);
  const navigator = (await signIn(base(), ROLE_ACCOUNTS.navigator, PASSWORD)).session;
  const practices = (await trpc(base(), navigator, 'patients.practices', undefined)).data as unknown as { id: string }[];
  const created = await trpc(
    base(),
    navigator,
    'patients.create',
    {
      nhsNumber: freshNhsNumber(),
      givenName: 'Concurrent',
      familyName: 'Editsperson',
      dateOfBirth: '1944-04-04',
      registeredPracticeId: practices[0]!.id,
    },
    'mutation',
  );
  expect(created.status, created.message).toBe(200);
  const patientId = (created.data as { id: string }).id;
  const read = async () =>
    ((await trpc(base(), navigator, 'patients.get', { patientId })).data as { patient: { version: number; communicationNeeds: string } })
      .patient;

  // Round one: 50 writers, all from version 1, at once.
  const first = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      trpc(base(), navigator, 'patients.update', { patientId, expectedVersion: 1, changes: { communicationNeeds: `w${i};` } }, 'mutation'),
    ),
  );
  const winners = first.filter((r) => r.status === 200);
  expect(winners).toHaveLength(1);
  expect(first.filter((r) => r.code === 'CONFLICT')).toHaveLength(49);
  expect(first.every((r) => r.status === 200 || r.status === 409)).toBe(true);

  // Then every loser adds its own mark by reading and writing again until it wins a version.
  const versionsWon = new Set<number>([(winners[0]!.data as { version: number }).version]);
  let conflicts = 49;
  const losers = first.map((r, i) => (r.status === 200 ? -1 : i)).filter((i) => i >= 0);
  await Promise.all(
    losers.map(async (i) => {
      for (;;) {
        const current = await read();
        const result = await trpc(
          base(),
          navigator,
          'patients.update',
          { patientId, expectedVersion: current.version, changes: { communicationNeeds: `${current.communicationNeeds}w${i};` } },
          'mutation',
        );
        if (result.status === 200) {
          const { version } = result.data as { version: number };
          expect(versionsWon.has(version)).toBe(false);
          versionsWon.add(version);
          return;
        }
        expect(result.code).toBe('CONFLICT');
        conflicts++;
      }
    }),
  );
  const final = await read();
  expect(final.version).toBe(51);
  expect([...versionsWon].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
  const marks = final.communicationNeeds.split(';').filter(Boolean).sort();
  expect(marks).toEqual(Array.from({ length: 50 }, (_, i) => `w${i}`).sort());
  test
    .info()
    .annotations.push({ type: 'conflicts', description: `${conflicts} CONFLICT answers for 50 writers; versions 2–51 each won once` });
  console.log(`concurrent edits: ${conflicts} CONFLICT answers for 50 writers; versions 2–51 each won exactly once; all 50 marks present`);
});

test('HTML typed into free text is shown as text: on the timeline, in about me, in a task, and to the carer', async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: statePath('navigator') })).newPage();
  const html = '<img src=x onerror="window.__xss=1"><b>bold</b> & <script>window.__xss=2</script>';
  const path = await createPerson(page, { givenName: 'Markup', familyName: 'Testperson' });
  await page.getByText('Add a note or contact').click();
  await page.getByLabel('Note', { exact: true }).fill(`Note ${html}`);
  await page.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(page.getByRole('status')).toContainText('Added to the timeline.');
  const timeline = page.locator('.carenav-timeline');
  await expect(timeline.getByText(`Note ${html}`)).toBeVisible();
  await expect(timeline.locator('b, img[src="x"], script:not([src])')).toHaveCount(0);

  await page.goto(`${path}/about-me`);
  await page.getByLabel('What matters to me').fill(`About ${html}`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/about-me'));
  await page.goto(path);
  await expect(page.getByText(`About ${html}`)).toBeVisible();

  await page.goto(`${path}/tasks/new`);
  await page.getByLabel('What needs doing').fill(`Task ${html}`);
  await page.getByLabel('Who will do it').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Add the task' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/tasks/new'));
  await page.goto('/tasks');
  await expect(page.getByText(`Task ${html}`).first()).toBeVisible();
  await expectAccessible(page);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  const carer = await (await browser.newContext({ storageState: statePath('carer') })).newPage();
  await carer.goto('/carer');
  await carer
    .getByLabel(/Send an update about/)
    .first()
    .fill(`Update ${html}`);
  await carer.getByRole('button', { name: 'Send update' }).first().click();
  await expect(carer.getByText(`Update ${html}`).first()).toBeVisible();
  await expect(carer.locator('main b, main img[src="x"]')).toHaveCount(0);
  expect(await carer.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expectAccessible(carer);
  await carer.context().close();
});
