import { safePath } from './safe-path';

/** `path` (inside carenav) with `?done=<kind>` set, keeping its other parameters and any #fragment. */
export function withDone(path: string, done: string): string {
  const url = new URL(path, 'http://carenav.invalid');
  url.searchParams.set('done', done);
  // Resolving can turn a safe path into "//host" (another site): such a path comes back as the home page.
  return safePath(`${url.pathname}${url.search}${url.hash}`, `/?done=${encodeURIComponent(done)}`);
}
