import { spawnSync } from 'node:child_process';

/** Runs a command with inherited output; returns its exit code. */
export function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.error) {
    console.error(`carenav: could not run ${command}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

export function runOrExit(command, args, env = process.env) {
  const started = Date.now();
  const code = run(command, args, env);
  // Each step's time, so a slow CI run says where its minutes went.
  console.log(`carenav: ${[command, ...args.slice(0, 3)].join(' ')} took ${Math.round((Date.now() - started) / 1000)} s.`);
  if (code !== 0) {
    console.error(`\ncarenav: \`${[command, ...args].join(' ')}\` failed (exit ${code}).`);
    process.exit(code);
  }
}
