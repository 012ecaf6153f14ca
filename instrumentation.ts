/** Next's start-up hook: validate the environment and open and migrate the database once, before serving. */
export async function register() {
  // Not configuration: Next replaces process.env.NEXT_RUNTIME with a constant when it builds this
  // hook for each runtime, so the written-out form is what drops the Node-only start-up (the
  // database, native modules) from any Edge build. Read through server/env.ts it would stay in.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startUpOrExit } = await import('./server/start-up');
  await startUpOrExit();
}
