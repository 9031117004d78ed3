import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const TOOLS = resolve(import.meta.dirname, '../../.tools/bin');

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds a Temporal binary: the explicit override, then PATH, then the
 * project's tools folder (filled by scripts/install-temporal.sh). Null when absent.
 */
export function findBinary(
  name: 'temporal' | 'temporal-test-server' | 'temporal-server' | 'temporal-sql-tool',
  override?: string,
): string | null {
  if (override) return executable(override) ? override : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  const local = join(TOOLS, name);
  return executable(local) ? local : null;
}
