// The embedded Temporal dev server: reachable from this machine only (its UI has no
// authentication), and stopped within a bounded time even when it does not answer SIGTERM.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/ports.js';
import { isRunning } from '../../scripts/lib/process-stop.js';
import { findBinary } from '../../scripts/lib/temporal-cli.js';
import { startTemporalDevServer } from '../../scripts/lib/temporal-dev-server.js';

const cli = findBinary('temporal', process.env.TEMPORAL_CLI_PATH)!;

/** The local addresses a process listens on over TCP, from /proc. */
function listening(pid: number): string[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`, { encoding: 'utf8' }) ?? '');
    if (m) inodes.add(m[1]!);
  }
  const addresses: string[] = [];
  for (const table of ['tcp', 'tcp6']) {
    for (const line of readFileSync(`/proc/net/${table}`, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[3] !== '0A' || !inodes.has(f[9]!)) continue; // 0A = LISTEN
      const [hex, port] = f[1]!.split(':');
      const ip =
        table === 'tcp'
          ? Buffer.from(hex!, 'hex').reverse().join('.')
          : hex === '00000000000000000000000001000000'
            ? '::1'
            : hex === '0000000000000000FFFF00000100007F'
              ? '::ffff:127.0.0.1'
              : hex!;
      addresses.push(`${ip}:${parseInt(port!, 16)}`);
    }
  }
  return addresses;
}

describe('the embedded Temporal dev server', () => {
  it('listens on 127.0.0.1 only, its web UI included', async () => {
    const uiPort = await freePort();
    const server = await startTemporalDevServer({ cli, port: await freePort(), uiPort, namespace: 'default' });
    try {
      const addresses = listening(server.pid);
      expect(addresses).toContain(`127.0.0.1:${uiPort}`);
      expect(addresses.filter((a) => !/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1):/.test(a))).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it('stops within seven seconds even when it does not answer SIGTERM', async () => {
    const server = await startTemporalDevServer({ cli, port: await freePort(), namespace: 'default' });
    process.kill(server.pid, 'SIGSTOP'); // frozen: it can take no signal but SIGKILL
    const started = Date.now();
    await server.stop();
    expect(Date.now() - started).toBeLessThan(7000);
    expect(isRunning(server.pid)).toBe(false);
  });
});
