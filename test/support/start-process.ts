import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../scripts/lib/ports.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** `scripts/start.ts` as a child process (what `npm start` runs after bootstrapping). */
export interface StartedProcess {
  child: ChildProcess;
  output: () => string;
  port: number;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  descendants(): number[];
}

/** A data folder the `postgres` user can enter (tests may run as root). */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postwatch-start-'));
  chmodSync(dir, 0o755);
  return join(dir, 'data');
}

export async function startProcess(env: Record<string, string | undefined>): Promise<StartedProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const base = { ...process.env };
  for (const k of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'ADMIN_TOKEN', 'CLOCK_SCALE']) delete base[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: {
      ...base,
      PORT: String(port),
      TEMPORAL_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    port,
    exited,
    output: () => out,
    async waitFor(text, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (typeof text === 'string' ? out.includes(text) : text.test(out)) return;
        if (child.exitCode !== null) throw new Error(`start exited (${child.exitCode}) before "${text}":\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for "${text}":\n${out}`);
    },
    descendants() {
      const all: number[] = [];
      const walk = (pid: number) => {
        let kids: number[] = [];
        try {
          kids = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)])
            .toString()
            .split('\n')
            .map(Number)
            .filter(Boolean);
        } catch {
          /* no children */
        }
        for (const k of kids) {
          all.push(k);
          walk(k);
        }
      };
      walk(child.pid!);
      return all;
    },
  };
}

export const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
