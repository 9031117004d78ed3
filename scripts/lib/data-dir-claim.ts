import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRunningAs, stopProcess, POSTGRES_STOP, TEMPORAL_STOP } from './process-stop.js';

/** Pid of the `npm start` that holds a data folder. */
const OWNER_FILE = 'postwatch.pid';
/** Pid of its Temporal dev server (PostgreSQL keeps its own, pg/postmaster.pid). */
export const TEMPORAL_PID_FILE = 'temporal-dev-server.pid';

const pidIn = (file: string): number | null => {
  try {
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]!.trim());
    return Number.isInteger(pid) && pid > 1 ? pid : null;
  } catch {
    return null;
  }
};

/** A data folder another running `npm start` holds. */
export class DataDirInUse extends Error {}

/**
 * Makes this process the owner of a data folder. Refuses while another `npm start` runs on it;
 * when the owner is gone but its servers are not (a crash the watcher could not handle, e.g. a
 * machine that lost power mid-stop, or a kill of the whole tree but the servers), stops them
 * and says so. Returns what it stopped, and the release for a clean stop.
 */
export async function claimDataDir(dataDir: string): Promise<{ stopped: string[]; release(): void }> {
  const ownerFile = join(dataDir, OWNER_FILE);
  const owner = pidIn(ownerFile);
  if (owner !== null && owner !== process.pid && isRunningAs(owner, 'scripts/start.ts'))
    throw new DataDirInUse(
      `${dataDir} is in use by Postwatch running as pid ${owner}: stop it (Ctrl-C there) or set DATA_DIR to another folder`,
    );
  const stopped: string[] = [];
  const postgres = pidIn(join(dataDir, 'pg', 'postmaster.pid'));
  if (postgres !== null && isRunningAs(postgres, 'postgres')) {
    await stopProcess(postgres, POSTGRES_STOP);
    stopped.push(`PostgreSQL (pid ${postgres})`);
  }
  const temporal = pidIn(join(dataDir, TEMPORAL_PID_FILE));
  if (temporal !== null && isRunningAs(temporal, 'start-dev')) {
    await stopProcess(temporal, TEMPORAL_STOP);
    stopped.push(`the Temporal dev server (pid ${temporal})`);
  }
  writeFileSync(ownerFile, `${process.pid}\n`);
  return {
    stopped,
    release() {
      if (pidIn(ownerFile) === process.pid) rmSync(ownerFile, { force: true });
    },
  };
}
