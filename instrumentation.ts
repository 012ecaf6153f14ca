/** Next's start-up hook: validate the environment and open and migrate the database once, before serving. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { readEnv } = await import('./server/env');
  const { startUp } = await import('./server/start-up');
  try {
    startUp(readEnv());
  } catch (error) {
    // Next logs a failed hook and keeps serving; a misconfigured health-record server must not.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
