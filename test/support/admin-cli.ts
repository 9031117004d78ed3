import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { tempDataDir } from './start-process.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs `npm run admin -- …args` as an operator would (a process of its own) against `url`, if given. */
export async function adminCli(url: string | undefined, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: tempDataDir(),
    LOG_LEVEL: 'info',
    ...(url ? { DATABASE_URL: url } : {}),
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
      cwd: ROOT,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
