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
  const code = run(command, args, env);
  if (code !== 0) {
    console.error(`\ncarenav: \`${[command, ...args].join(' ')}\` failed (exit ${code}).`);
    process.exit(code);
  }
}
