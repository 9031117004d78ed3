import { spawn, type ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { stopProcess, TEMPORAL_STOP } from './process-stop.js';

export interface DevServer {
  pid: number;
  address: string;
  uiUrl: string | null;
  stop(): Promise<void>;
}

/**
 * Runs `temporal server start-dev` as a child process and waits until its
 * frontend answers. With `dbFile` the server keeps its state across restarts.
 */
export async function startTemporalDevServer(opts: {
  cli: string;
  port: number;
  uiPort?: number; // omitted = headless
  dbFile?: string;
  namespace: string;
  log?: (line: string) => void;
  /** Further `start-dev` flags, e.g. `--metrics-port` (benchmarks). */
  extraArgs?: string[];
}): Promise<DevServer> {
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(opts.port),
    '--namespace',
    opts.namespace,
    '--log-level',
    'warn',
  ];
  if (opts.dbFile) args.push('--db-filename', opts.dbFile);
  // the UI has no authentication: loopback only, like the frontend
  if (opts.uiPort) args.push('--ui-ip', '127.0.0.1', '--ui-port', String(opts.uiPort));
  else args.push('--headless');
  args.push(...(opts.extraArgs ?? []));
  const child = spawn(opts.cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = opts.log ?? (() => {});
  child.stdout?.on('data', (b: Buffer) => log(b.toString().trimEnd()));
  child.stderr?.on('data', (b: Buffer) => log(b.toString().trimEnd()));
  const address = `127.0.0.1:${opts.port}`;
  await waitUntilServing(child, address);
  return {
    pid: child.pid!,
    address,
    uiUrl: opts.uiPort ? `http://localhost:${opts.uiPort}` : null,
    stop: () => stopChild(child),
  };
}

async function waitUntilServing(child: ChildProcess, address: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`temporal server exited with code ${exited} before it was ready`);
    try {
      const c = await Connection.connect({ address, connectTimeout: 1000 });
      await c.workflowService.getSystemInfo({});
      await c.close();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  await stopChild(child);
  throw new Error(`temporal server did not answer on ${address} within ${timeoutMs / 1000} s`);
}

/** SIGTERM, then SIGKILL after a bounded wait: a stuck server never holds up a stop for long. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((r) => child.once('exit', r));
  await stopProcess(child.pid, TEMPORAL_STOP);
  await exited;
}
