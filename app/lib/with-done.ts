/** `path` (inside carenav) with `?done=<kind>` set, keeping its other parameters and any #fragment. */
export function withDone(path: string, done: string): string {
  const url = new URL(path, 'http://carenav.invalid');
  url.searchParams.set('done', done);
  return `${url.pathname}${url.search}${url.hash}`;
}
