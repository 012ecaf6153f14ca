/**
 * Signs out through next-auth's own endpoint (which also ends carenav's server-side session), then
 * goes to `to`. The same two requests next-auth/react's signOut() makes, without shipping that
 * library (about 10 kB gzip) in the header, that is on every page.
 */
export async function signOut(to: string): Promise<void> {
  const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
  await fetch('/api/auth/signout', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl: to, json: 'true' }),
  });
  // A search kept for Back and reload (app/patients/search-form.tsx) is not left for the next person at this screen.
  try {
    sessionStorage.clear();
  } catch {
    // Storage unavailable: nothing was kept.
  }
  window.location.href = to;
}
