/** Next's start-up hook: validate the environment and open and migrate the database once, before serving. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startUpOrExit } = await import('./server/start-up');
  startUpOrExit();
}
