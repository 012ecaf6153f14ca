/** `path` (inside carenav) with `?done=<kind>` set, keeping its other parameters and any #fragment. */
export function withDone(path: string, done: string): string {
  const url = new URL(path, 'http://carenav.invalid');
  url.searchParams.set('done', done);
  // A path that resolves to "//…" would leave carenav: such a path comes back as the home page.
  const out = `${url.pathname}${url.search}${url.hash}`;
  return out.startsWith('//') || url.origin !== 'http://carenav.invalid' ? withDone('/', done) : out;
}
