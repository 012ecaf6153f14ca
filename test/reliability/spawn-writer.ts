import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export type Writer = { child: ChildProcess; acked: string[]; patientId: Promise<string>; exited: Promise<void> };

/** Starts the writer child process (test/reliability/writer.ts) and collects its acknowledged writes. */
export function spawnWriter(env: Record<string, string>, onAck?: (count: number, writer: Writer) => void): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/reliability/writer.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let ready!: (id: string) => void;
  const writer: Writer = {
    child,
    acked: [],
    patientId: new Promise((r) => (ready = r)),
    exited: new Promise((r) => child.once('exit', () => r())),
  };
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith('ready ')) ready(line.slice(6));
    if (line.startsWith('ack ')) {
      writer.acked.push(line.slice(4));
      onAck?.(writer.acked.length, writer);
    }
  });
  return writer;
}
