import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../support/postgres.js';
import { runningEmbeddedUrl } from '../../scripts/lib/embedded-postgres.js';
import { isAlive, startProcess, tempDataDir } from '../support/start-process.js';

const commandOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
};

async function sql(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

// two starts of the whole system in one test: minutes on a loaded 2-core machine
describe('npm start', { timeout: 240_000 }, () => {
  it('runs everything embedded, stops cleanly on Ctrl-C and keeps its data for the next start', async () => {
    const dataDir = tempDataDir();
    const first = await startProcess({ DATA_DIR: dataDir });
    await first.waitFor('Postwatch is ready.');
    expect(first.output()).toMatch(/Admin key\s+pw_[0-9a-f]{8}_/);
    const ready = await fetch(`http://127.0.0.1:${first.port}/readyz`);
    expect(ready.status).toBe(200);
    // the console is served by the API itself, and the banner says where
    expect(first.output()).toMatch(new RegExp(`Console\\s+http://\\S+:${first.port}/console/`));
    expect((await fetch(`http://127.0.0.1:${first.port}/console/`)).headers.get('content-security-policy')).toContain("default-src 'self'");
    const tree = first.descendants();
    expect(tree.map(commandOf).join('\n')).toMatch(/postgres/);
    expect(tree.map(commandOf).join('\n')).toMatch(/temporal server start-dev/);
    await sql(runningEmbeddedUrl(dataDir)!, `INSERT INTO "Carrier" (id, name) VALUES ('RESTART', 'Written before the restart')`);

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    await expect.poll(() => tree.filter(isAlive), { timeout: 15_000 }).toEqual([]);

    const second = await startProcess({ DATA_DIR: dataDir });
    await second.waitFor('Postwatch is ready.');
    expect(second.output()).not.toMatch(/Admin key\s+pw_/); // the first admin exists already
    expect(await sql(runningEmbeddedUrl(dataDir)!, `SELECT name FROM "Carrier" WHERE id = 'RESTART'`)).toEqual([
      { name: 'Written before the restart' },
    ]);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 180_000); // two whole starts (PostgreSQL, Temporal, a workflow bundle): minutes on a loaded 2-core machine

  // issue 14, defect 6: a crash leaves no server behind, and servers left anyway do not block the next start
  const serversOf = (p: { descendants(): number[] }) =>
    p.descendants().filter((pid) => /postgres -D|temporal server start-dev/.test(commandOf(pid)));

  it('takes its embedded servers with it when it is killed, and starts again on the same data', async () => {
    const dataDir = tempDataDir();
    const first = await startProcess({ DATA_DIR: dataDir });
    await first.waitFor('Postwatch is ready.');
    const servers = serversOf(first);
    expect(servers).toHaveLength(2);
    first.child.kill('SIGKILL');
    await first.exited;
    await expect.poll(() => servers.filter(isAlive), { timeout: 30_000 }).toEqual([]);

    const second = await startProcess({ DATA_DIR: dataDir });
    await second.waitFor('Postwatch is ready.');
    expect(second.output()).not.toMatch(/TypeError|left running/);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('stops the servers an earlier start left running on its data folder, and says so', async () => {
    const dataDir = tempDataDir();
    const first = await startProcess({ DATA_DIR: dataDir });
    await first.waitFor('Postwatch is ready.');
    const servers = serversOf(first);
    // the whole tree but the servers dies: nothing is left to stop them
    const watcher = first.descendants().filter((pid) => commandOf(pid).includes('tether-watch'));
    expect(watcher).toHaveLength(1);
    process.kill(watcher[0]!, 'SIGKILL');
    first.child.kill('SIGKILL');
    await first.exited;
    await new Promise((r) => setTimeout(r, 1000));
    expect(servers.filter(isAlive)).toEqual(servers);

    const second = await startProcess({ DATA_DIR: dataDir });
    try {
      await second.waitFor('Postwatch is ready.');
      expect(second.output()).toMatch(
        /stopped PostgreSQL \(pid \d+\) and the Temporal dev server \(pid \d+\), left running on \S+ by an earlier start that did not stop cleanly/,
      );
      expect(servers.filter(isAlive)).toEqual([]);
      expect((await fetch(`http://127.0.0.1:${second.port}/readyz`)).status).toBe(200);
    } finally {
      second.child.kill('SIGINT');
      await second.exited;
    }
  });

  it('refuses a data folder that a running start holds, naming it', async () => {
    const dataDir = tempDataDir();
    const first = await startProcess({ DATA_DIR: dataDir });
    try {
      await first.waitFor('Postwatch is ready.');
      const second = await startProcess({ DATA_DIR: dataDir });
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain(`is in use by Postwatch running as pid ${first.child.pid}`);
      expect((await fetch(`http://127.0.0.1:${first.port}/readyz`)).status).toBe(200); // untouched
    } finally {
      first.child.kill('SIGINT');
      await first.exited;
    }
  });

  it('uses external PostgreSQL and Temporal when configured, starting nothing embedded', async () => {
    const dataDir = tempDataDir();
    const db = await createTestDatabase();
    const p = await startProcess({ DATA_DIR: dataDir, DATABASE_URL: db.url, TEMPORAL_ADDRESS: inject('temporalAddress') });
    try {
      await p.waitFor('Postwatch is ready.');
      expect(p.output()).toMatch(/PostgreSQL\s+external/);
      expect(p.output()).toMatch(/Temporal\s+external/);
      expect((await fetch(`http://127.0.0.1:${p.port}/readyz`)).status).toBe(200);
      const commands = p.descendants().map(commandOf).join('\n');
      expect(commands).not.toMatch(/postgres -D|temporal server/);
      expect(existsSync(join(dataDir, 'pg'))).toBe(false);
      expect(existsSync(join(dataDir, 'temporal.db'))).toBe(false);
      // the migrations ran on the external database
      expect(await sql(db.url, `SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`)).not.toEqual([{ n: 0 }]);
    } finally {
      p.child.kill('SIGINT');
      await p.exited;
      await db.drop();
    }
  });

  it('refuses a malformed DATABASE_URL within 5 seconds, naming the variable', async () => {
    const started = Date.now();
    const p = await startProcess({ DATA_DIR: tempDataDir(), DATABASE_URL: 'postgres//nope' });
    expect(await p.exited).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(p.output()).toMatch(/DATABASE_URL: must be a URL/);
  });

  it('says which port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const p = await startProcess({ DATA_DIR: tempDataDir(), PORT: String(port) });
      expect(await p.exited).toBe(1);
      expect(p.output()).toContain(`port ${port} (API) is already in use`);
      expect(p.output()).toContain('set PORT');
    } finally {
      blocker.close();
    }
  });
});
