/**
 * The API and the workers run as processes of their own, as deployed: their CPU time and memory
 * are then theirs alone, and `--cpu-prof` can profile each. A role reads its settings from
 * BENCH_ROLE (JSON), says `ready` over IPC, and stops cleanly when told or when we go away.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Role<Info = Record<string, unknown>> {
  name: string;
  pid: number;
  info: Info;
  child: ChildProcess;
  stop(): Promise<void>;
}

const ROLES_DIR = fileURLToPath(new URL('../roles/', import.meta.url));

/** Starts `bench/roles/<file>` with its settings; resolves once it is ready. */
export async function startRole<Info = Record<string, unknown>>(
  file: string,
  settings: unknown,
  opts: { name: string; cpuProfDir?: string; timeoutMs?: number },
): Promise<Role<Info>> {
  const execArgv = ['--import', 'tsx', ...(opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [])];
  const child = fork(ROLES_DIR + file, [], {
    execArgv,
    env: { ...process.env, BENCH_ROLE: JSON.stringify(settings) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const timeoutMs = opts.timeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  const info = await new Promise<Info>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${opts.name}: not ready after ${timeoutMs / 1000} s`)), timeoutMs);
    child.on('message', (m: { ready?: Info; failed?: string }) => {
      if (m.ready) resolve(m.ready);
      if (m.failed) reject(new Error(`${opts.name}: ${m.failed}`));
    });
    child.once('exit', (code) => reject(new Error(`${opts.name} exited with code ${code} before it was ready`)));
  }).catch(async (e: Error) => {
    await stopChild(child);
    throw e;
  });
  clearTimeout(timer);
  return {
    name: opts.name,
    pid: child.pid!,
    info,
    child,
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    if (child.connected) child.send({ stop: true });
    else child.kill('SIGTERM');
  });
}
