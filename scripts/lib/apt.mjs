// Installs Debian packages the tests need (Chromium for e2e, PostgreSQL for the second engine) on a
// clean CI machine, where the tests run as root. Callers decide what to say when not root.
import { spawnSync } from 'node:child_process';

export const isRoot = () => process.getuid?.() === 0;

/**
 * `apt-get update`, then `apt-get install -y` of `packages`; throws if either fails. `recommends:
 * false` leaves out recommended packages (PostgreSQL's pull in nothing a test server needs).
 */
export function aptInstall(packages, { recommends = true } = {}) {
  const install = ['install', '-y', '-qq', ...(recommends ? [] : ['--no-install-recommends']), ...packages];
  for (const args of [['update', '-qq'], install]) {
    const result = spawnSync('apt-get', args, {
      stdio: 'inherit',
      // No prompt from a package's configuration step: nobody answers it on CI.
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      throw new Error(`carenav: \`apt-get ${args.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`}).`);
    }
  }
}
