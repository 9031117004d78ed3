// Static checks of the container deployment: docker-compose.yml must validate with the
// Compose implementation on this machine (Debian's docker-compose 1.29.2 is installed on
// demand) and wire the services as documented; the Dockerfile and the deploy/ scripts must
// agree with the application. No Docker engine is needed: nothing is built or started.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_ATTRIBUTES } from '../../workflows/definitions.js';

const run = promisify(execFile);
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** What an operator must set before `docker compose up` (the file has no default for it). */
const REQUIRED = { PAYLOAD_CODEC_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}` };

async function exec(cmd: string, args: string[], opts: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Result> {
  const env = opts.env ?? { ...process.env, ...REQUIRED };
  const child = run(cmd, args, { cwd: opts.cwd ?? ROOT, env, maxBuffer: 16 * 1024 * 1024, timeout: 120_000 });
  if (opts.input !== undefined) {
    child.child.stdin?.end(opts.input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof err.code !== 'number') throw e; // could not start the command at all
    return { code: err.code, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

/** `docker-compose config` on a file, with the project directory pinned to the repository. */
const composeConfig = (file: string, ...args: string[]) =>
  exec('docker-compose', ['-f', file, '--project-directory', ROOT, 'config', ...args]);
const composeConfigWithout = (name: keyof typeof REQUIRED) => {
  const { [name]: _dropped, ...env } = { ...process.env, ...REQUIRED };
  return exec('docker-compose', ['-f', COMPOSE_FILE, '--project-directory', ROOT, 'config', '-q'], { env });
};

type Service = {
  image?: string;
  build?: { context: string; dockerfile?: string } | string;
  command?: string[] | string;
  entrypoint?: string[] | string;
  container_name?: string;
  ports?: unknown[];
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  environment?: Record<string, string | null>;
  volumes?: Array<string | { type?: string; source?: string; target: string }>;
};
type ComposeConfig = { services: Record<string, Service>; volumes?: Record<string, unknown> };

/**
 * The resolved configuration as an object. Compose v2 prints JSON itself; 1.29.2 has no
 * --format, so its YAML is read with PyYAML, which Debian's docker-compose depends on.
 */
async function resolvedConfig(isV1: boolean): Promise<ComposeConfig> {
  if (!isV1) {
    const r = await composeConfig(COMPOSE_FILE, '--format', 'json');
    if (r.code !== 0) throw new Error(`docker-compose config --format json failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as ComposeConfig;
  }
  const r = await composeConfig(COMPOSE_FILE);
  if (r.code !== 0) throw new Error(`docker-compose config failed: ${r.stderr}`);
  const py = await exec('python3', ['-c', 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'], {
    input: r.stdout,
  });
  if (py.code !== 0) throw new Error(`could not parse docker-compose config output: ${py.stderr}`);
  return JSON.parse(py.stdout) as ComposeConfig;
}

const words = (v: string[] | string | undefined) => (Array.isArray(v) ? v : (v ?? '').split(/\s+/)).filter(Boolean);
const dependsOn = (s: Service) =>
  Array.isArray(s.depends_on)
    ? Object.fromEntries(s.depends_on.map((n) => [n, 'service_started']))
    : Object.fromEntries(Object.entries(s.depends_on ?? {}).map(([n, d]) => [n, d.condition]));
const healthTest = (s: Service) => words(s.healthcheck?.test);
const hasHealthcheck = (s: Service) => !s.healthcheck?.disable && healthTest(s).length > 0 && healthTest(s)[0] !== 'NONE';
const volumeList = (s: Service) =>
  (s.volumes ?? []).map((v) => {
    if (typeof v !== 'string') return { source: v.source ?? '', target: v.target };
    const [source = '', target = ''] = v.split(':');
    return { source, target };
  });

let ensure: Result;
let ensureAgain: Result;
let quiet: Result;
let config: ComposeConfig;
let tmp: string;

beforeAll(async () => {
  ensure = await exec('bash', [join(ROOT, 'scripts/ensure-docker-compose.sh')]);
  if (ensure.code !== 0) throw new Error(`ensure-docker-compose.sh failed:\n${ensure.stdout}${ensure.stderr}`);
  ensureAgain = await exec('bash', [join(ROOT, 'scripts/ensure-docker-compose.sh')]);
  const version = (await exec('docker-compose', ['version', '--short'])).stdout.trim();
  const isV1 = /^1\./.test(version);
  tmp = mkdtempSync(join(tmpdir(), 'postwatch-compose-'));
  [quiet, config] = await Promise.all([composeConfig(COMPOSE_FILE, '-q'), resolvedConfig(isV1)]);
}, 300_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('scripts/ensure-docker-compose.sh', () => {
  it('leaves a working docker-compose and is silent once it is installed', () => {
    expect(ensure.code).toBe(0);
    expect(ensureAgain).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('docker-compose.yml', () => {
  it('passes `docker-compose config -q`', () => {
    expect(quiet.stderr).toBe('');
    expect(quiet.code).toBe(0);
  });

  it('has the documented services', () => {
    expect(Object.keys(config.services).sort()).toEqual(
      ['api', 'api-2', 'migrate', 'postgres', 'temporal', 'temporal-schema', 'temporal-setup', 'temporal-ui', 'worker'].sort(),
    );
  });

  it('runs two API replicas alike, each on its own published port (issue 14)', () => {
    const [a, b] = [config.services.api!, config.services['api-2']!];
    expect(b.command).toEqual(a.command);
    expect(b.image).toBe(a.image);
    expect(b.environment).toEqual(a.environment);
    expect(dependsOn(b)).toEqual(dependsOn(a));
    expect(healthTest(b)).toEqual(healthTest(a));
    expect(JSON.stringify(b.ports)).not.toBe(JSON.stringify(a.ports));
  });

  it('builds api, worker and migrate from the project Dockerfile as one image', () => {
    const images = new Set<string | undefined>();
    for (const name of ['api', 'worker', 'migrate']) {
      const s = config.services[name]!;
      expect(typeof s.build, name).toBe('object');
      const build = s.build as { context: string; dockerfile?: string };
      expect(resolve(ROOT, build.context), name).toBe(ROOT);
      expect(resolve(ROOT, build.context, build.dockerfile ?? 'Dockerfile'), name).toBe(join(ROOT, 'Dockerfile'));
      images.add(s.image);
    }
    expect(images.size).toBe(1);
    expect([...images][0]).toBeTruthy();
  });

  it('runs each role through its entry point', () => {
    const expected = { api: 'api/server.ts', worker: 'worker/main.ts', migrate: 'scripts/migrate.ts' };
    for (const [name, entry] of Object.entries(expected)) {
      const cmd = words(config.services[name]!.command);
      expect(cmd, name).toContain(entry);
      expect(cmd.includes('tsx') || cmd.some((w) => w.endsWith('/tsx')), `${name} runs TypeScript through tsx`).toBe(true);
      expect(existsSync(join(ROOT, entry)), `${entry} exists`).toBe(true);
    }
  });

  it('orders start-up with health and completion conditions', () => {
    const s = config.services;
    expect(dependsOn(s.api!)).toMatchObject({
      migrate: 'service_completed_successfully',
      temporal: 'service_healthy',
      postgres: 'service_healthy',
      'temporal-setup': 'service_completed_successfully',
    });
    expect(dependsOn(s.worker!)).toMatchObject({
      migrate: 'service_completed_successfully',
      temporal: 'service_healthy',
      'temporal-setup': 'service_completed_successfully',
    });
    expect(dependsOn(s.migrate!)).toMatchObject({ postgres: 'service_healthy' });
    expect(dependsOn(s.temporal!)).toMatchObject({
      postgres: 'service_healthy',
      'temporal-schema': 'service_completed_successfully',
    });
    expect(dependsOn(s['temporal-schema']!)).toMatchObject({ postgres: 'service_healthy' });
    expect(dependsOn(s['temporal-setup']!)).toMatchObject({ temporal: 'service_healthy' });
    expect(dependsOn(s['temporal-ui']!)).toMatchObject({ temporal: 'service_healthy' });
  });

  it('health-checks postgres, temporal and the api (readiness)', () => {
    const s = config.services;
    for (const name of ['postgres', 'temporal', 'api']) expect(hasHealthcheck(s[name]!), name).toBe(true);
    expect(healthTest(s.postgres!)).toContain('pg_isready');
    expect(healthTest(s.api!).join(' ')).toContain('/readyz');
    // the image's HEALTHCHECK probes the HTTP API: roles without one must switch it off
    for (const name of ['worker', 'migrate']) expect(hasHealthcheck(s[name]!), name).toBe(false);
  });

  it('keeps the worker scalable: no container_name, no published port', () => {
    const w = config.services.worker!;
    expect(w.container_name).toBeUndefined();
    expect(w.ports ?? []).toEqual([]);
    for (const [name, s] of Object.entries(config.services)) expect(s.container_name, name).toBeUndefined();
  });

  it('points the app at the compose services', () => {
    for (const name of ['api', 'worker', 'migrate']) {
      const env = config.services[name]!.environment ?? {};
      expect(new URL(env.DATABASE_URL ?? '').hostname, name).toBe('postgres');
      expect(new URL(env.DATABASE_URL ?? '').pathname, name).toBe('/postwatch');
      expect(env.TEMPORAL_ADDRESS, name).toBe('temporal:7233');
      expect(env.WORKFLOW_BUNDLE_PATH, name).toBe('/app/dist/workflow-bundle.js');
    }
    expect(config.services.api!.environment?.PORT).toBe('3000');
  });

  it('comes up usable: the migration job makes the first administrator; every process holds the payload keys', async () => {
    const s = config.services;
    expect(s.migrate!.environment).toHaveProperty('ADMIN_TOKEN');
    expect(s.api!.environment).not.toHaveProperty('ADMIN_TOKEN'); // nothing there reads it
    for (const name of ['api', 'worker', 'migrate']) {
      expect(s[name]!.environment?.PAYLOAD_CODEC_KEYS, name).toBe(REQUIRED.PAYLOAD_CODEC_KEYS);
      expect(s[name]!.environment?.CLOCK_SCALE, name).toBe('1');
    }
    expect(s.worker!.environment?.WORKER_METRICS_ADDRESS).toMatch(/^0\.0\.0\.0:\d+$/);
    const unset = await composeConfigWithout('PAYLOAD_CODEC_KEYS');
    expect(unset.code).not.toBe(0);
    expect(unset.stderr).toContain('set PAYLOAD_CODEC_KEYS');
  });

  it('stores PostgreSQL 18 data in a named volume at /var/lib/postgresql', () => {
    const pg = config.services.postgres!;
    expect(pg.image).toMatch(/^postgres:18(\b|$)/);
    const data = volumeList(pg).find((v) => v.target === '/var/lib/postgresql');
    expect(data?.source).toBe('postgres-data');
    expect(Object.keys(config.volumes ?? {})).toContain('postgres-data');
  });

  it('creates the application and Temporal databases on first start', () => {
    const init = volumeList(config.services.postgres!).find((v) => v.target === '/docker-entrypoint-initdb.d');
    expect(init).toBeDefined();
    const sql = readFileSync(join(init!.source, '10-postwatch-databases.sh'), 'utf8');
    for (const db of ['postwatch', 'temporal', 'temporal_visibility']) expect(sql).toContain(`CREATE DATABASE ${db} `);
    const env = config.services.temporal!.environment ?? {};
    expect(env).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres', DBNAME: 'temporal' });
    expect(env.VISIBILITY_DBNAME).toBe('temporal_visibility');
  });

  it('mounts only host paths that exist, including the Temporal dynamic config', () => {
    for (const [name, s] of Object.entries(config.services)) {
      for (const v of volumeList(s)) {
        if (v.source.startsWith('/')) expect(existsSync(v.source), `${name}: ${v.source}`).toBe(true);
      }
    }
    const t = config.services.temporal!;
    const file = t.environment?.DYNAMIC_CONFIG_FILE_PATH ?? '';
    const mount = volumeList(t).find((v) => file.startsWith(`${v.target}/`));
    expect(mount, 'dynamic config directory is mounted').toBeDefined();
    expect(existsSync(join(mount!.source, file.slice(mount!.target.length + 1)))).toBe(true);
  });

  it('registers exactly the search attributes the workflows use', () => {
    const setup = config.services['temporal-setup']!;
    const cmd = words(setup.command).join(' ');
    const mount = volumeList(setup).find((v) => cmd.includes(`${v.target}/`));
    expect(mount).toBeDefined();
    const scriptPath = join(mount!.source, cmd.slice(cmd.indexOf(mount!.target) + mount!.target.length + 1).split(' ')[0]!);
    const script = readFileSync(scriptPath, 'utf8');
    const line = /^SEARCH_ATTRIBUTES="([^"]*)"/m.exec(script);
    expect(line, 'SEARCH_ATTRIBUTES="name:Type ..." in the setup script').not.toBeNull();
    const cliType: Record<string, string> = {
      TEXT: 'Text',
      KEYWORD: 'Keyword',
      INT: 'Int',
      DOUBLE: 'Double',
      BOOL: 'Bool',
      DATETIME: 'Datetime',
      KEYWORD_LIST: 'KeywordList',
    };
    const fromCode = SEARCH_ATTRIBUTES.map((k) => `${k.name}:${cliType[k.type]}`).sort();
    expect(line![1]!.split(/\s+/).filter(Boolean).sort()).toEqual(fromCode);
  });

  it('is refused by `docker-compose config -q` when broken (the checks can fail)', async () => {
    const original = readFileSync(COMPOSE_FILE, 'utf8');
    const write = (name: string, text: string) => {
      const file = join(tmp, name);
      writeFileSync(file, text);
      return file;
    };
    const unknownKey = original.replace(/^ {2}worker:\n/m, '  worker:\n    not_a_compose_key: true\n');
    const missingService = original.replace(
      /^ {6}migrate:\n {8}condition: service_completed_successfully\n/m,
      '      migrat:\n        condition: service_completed_successfully\n',
    );
    const badCondition = original.replace('condition: service_completed_successfully', 'condition: service_finished');
    expect(unknownKey).not.toBe(original);
    expect(missingService).not.toBe(original);
    expect(badCondition).not.toBe(original);

    const [control, ...broken] = await Promise.all([
      composeConfig(write('control.yml', original), '-q'),
      composeConfig(write('unknown-key.yml', unknownKey), '-q'),
      composeConfig(write('missing-service.yml', missingService), '-q'),
      composeConfig(write('bad-condition.yml', badCondition), '-q'),
    ]);
    expect(control.code, control.stderr).toBe(0); // the copy itself is fine: failures come from the edits
    for (const r of broken) {
      expect(r.code).not.toBe(0);
      expect(r.stderr).not.toBe('');
    }
    expect(broken[0]!.stderr).toContain('not_a_compose_key');
    expect(broken[1]!.stderr).toContain('migrat');
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  // instructions with line continuations joined, comments dropped
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages = instructions.filter((l) => /^FROM\s/i.test(l));
  const finalStage = instructions.slice(instructions.lastIndexOf(stages.at(-1)!));
  const args = Object.fromEntries(
    instructions.filter((l) => /^ARG\s+\w+=/.test(l)).map((l) => l.replace(/^ARG\s+/, '').split('=') as [string, string]),
  );

  it('is multi-stage on a supported Node LTS (24, the one .nvmrc names)', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const nvmrc = readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim();
    expect(nvmrc).toBe('24');
    expect(args.NODE_IMAGE ?? '').toMatch(new RegExp(`^node:${nvmrc}(\\.[\\d.]+)?-bookworm-slim`));
  });

  it('generates the Prisma client and the workflow bundle at build time', () => {
    const text = instructions.join('\n');
    expect(text).toMatch(/PRISMA_SCHEMA_ENGINE_BINARY=\S+ npx prisma generate/);
    expect(text).toContain('scripts/bundle.ts dist/workflow-bundle.js');
    expect(text).toMatch(/npm ci --omit=dev/);
  });

  it('runs the API as a non-root user with a health check', () => {
    const user = finalStage.filter((l) => /^USER\s/i.test(l)).at(-1);
    expect(user).toBeDefined();
    expect(user!.split(/\s+/)[1]).not.toMatch(/^(root|0)(:|$)/);
    expect(finalStage.some((l) => /^HEALTHCHECK\s/i.test(l) && l.includes('/healthz'))).toBe(true);
    expect(finalStage.find((l) => /^CMD\s/i.test(l))).toContain('api/server.ts');
    expect(finalStage.some((l) => /^LABEL\s/i.test(l) && l.includes('org.opencontainers.image.title'))).toBe(true);
  });

  it('keeps generated and local files out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    for (const p of ['node_modules', '.git', 'prisma/generated', 'dist', 'data', '.env']) expect(ignored).toContain(p);
    // what the image needs at runtime must not be excluded
    for (const p of ['api', 'worker', 'workflows', 'activities', 'scripts', 'prisma', 'platform']) {
      expect(ignored, p).not.toContain(p);
    }
  });
});
