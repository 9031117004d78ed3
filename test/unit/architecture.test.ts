// The arrows of the layout (docs: STYLE, README "Architecture"): api → {domain, workflows/definitions,
// prisma}; worker → {workflows by path, activities}; activities → {prisma, domain}; workflows →
// {domain}; prisma → {domain, platform}. Nothing imports api/ or worker/ but the entry points that
// assemble them, and only prisma/ talks to the database through the Prisma client. Inside api/:
// app.ts → operations.ts → resources/ → {http/, schemas/}; http/ (the plumbing) knows no resource.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const filesOf = (dir: string) =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));

const NOT_PRODUCT = new Set(['node_modules', 'prisma', 'test', 'data', 'dist', 'docs', 'deploy']);
/** Every TypeScript file of the product outside prisma/ (a new top-level folder is covered as it appears). */
const outsidePrisma = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => !d.name.startsWith('.') && !NOT_PRODUCT.has(d.name))
  .flatMap((d) => (d.isDirectory() ? filesOf(d.name) : d.name.endsWith('.ts') ? [d.name] : []));

/** Every import of a file: its specifier and whether it is `import type` only. */
function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  const code = readFileSync(join(ROOT, file), 'utf8');
  return [...code.matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => ({
    spec: m[2]!,
    typeOnly: !!m[1],
  }));
}

/** The repository path a relative import lands on. */
const targetOf = (file: string, spec: string) => relative(ROOT, resolve(ROOT, file, '..', spec));
/** The top-level folder a relative import lands in. */
const folderOf = (file: string, spec: string) => targetOf(file, spec).split('/')[0]!;
/** The repository paths a file imports relatively. */
const targetsOf = (file: string) =>
  importsOf(file)
    .filter(({ spec }) => spec.startsWith('.'))
    .map(({ spec }) => targetOf(file, spec));

describe('import arrows', () => {
  it.each(filesOf('workflows'))('%s stays deterministic: only the workflow SDK, domain/ and types of activities', (file) => {
    for (const { spec, typeOnly } of importsOf(file)) {
      if (spec.startsWith('.')) {
        const folder = folderOf(file, spec);
        if (folder === 'activities') expect(typeOnly, `${file} imports ${spec} (use import type)`).toBe(true);
        else expect(['workflows', 'domain'], `${file} imports ${spec}`).toContain(folder);
      } else {
        expect(['@temporalio/workflow', '@temporalio/common'], `${file} imports ${spec}`).toContain(spec);
      }
    }
  });

  it.each([
    ...filesOf('activities'),
    ...filesOf('domain'),
    ...filesOf('prisma').filter((f) => !f.startsWith('prisma/generated')),
    ...filesOf('webhooks'),
  ])('%s does not reach into api/ or worker/', (file) => {
    for (const { spec } of importsOf(file))
      if (spec.startsWith('.')) expect(['api', 'worker'], `${file} imports ${spec}`).not.toContain(folderOf(file, spec));
  });

  it.each(filesOf('api'))('%s talks to workflows only through their definitions', (file) => {
    for (const { spec, typeOnly } of importsOf(file)) {
      if (!spec.startsWith('.')) continue;
      const target = relative(ROOT, resolve(ROOT, file, '..', spec));
      // definitions.ts and its siblings (report-definitions.ts) hold the ids, queries and updates callers share
      if (target.startsWith('workflows/') && !/^workflows\/([a-z-]+-)?definitions\.js$/.test(target))
        expect(typeOnly, `${file} imports ${spec}`).toBe(true);
      expect(['worker', 'activities'], `${file} imports ${spec}`).not.toContain(target.split('/')[0]);
    }
  });
});

describe('inside api/', () => {
  const COMPOSITION = ['api/app.js', 'api/server.js', 'api/operations.js'];

  it.each(filesOf('api/http'))('%s is plumbing: it imports no resource and not the composition root', (file) => {
    for (const target of targetsOf(file)) {
      expect(target.startsWith('api/resources/'), `${file} imports ${target}`).toBe(false);
      expect(COMPOSITION, `${file} imports ${target}`).not.toContain(target);
    }
  });

  it.each(filesOf('api/resources'))('%s declares operations without importing the table or the app', (file) => {
    for (const target of targetsOf(file)) expect(COMPOSITION, `${file} imports ${target}`).not.toContain(target);
  });

  it.each([...filesOf('api/schemas'), 'api/deps.ts'])(
    '%s imports no resource (but types to check against) and not the composition root',
    (file) => {
      for (const { spec, typeOnly } of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = targetOf(file, spec);
        if (!typeOnly) expect(target.startsWith('api/resources/'), `${file} imports ${target}`).toBe(false);
        expect(COMPOSITION, `${file} imports ${target}`).not.toContain(target);
      }
    },
  );

  it('labels metrics without the documentation: api/http/metrics.ts does not import the OpenAPI builder', () => {
    expect(targetsOf('api/http/metrics.ts')).not.toContain('api/http/openapi.js');
  });

  it('derives the document from the table: api/http/openapi.ts names no route', () => {
    const code = readFileSync(join(ROOT, 'api/http/openapi.ts'), 'utf8');
    expect(code).not.toMatch(/['"`]\/(v1|healthz|readyz|metrics|docs)\b/);
  });

  it.each(filesOf('api').filter((f) => f !== 'api/http/mount.ts' && f !== 'api/resources/docs.ts'))(
    '%s registers no Express route of its own (operations are mounted from the table)',
    (file) => {
      const code = readFileSync(join(ROOT, file), 'utf8');
      expect(code).not.toMatch(/\bRouter\(|\b(app|r|router)\.(get|post|put|patch|delete)\(/);
    },
  );
});

// ---- data access: one home, prisma/ ----

/** The composition roots: they create the client (createDb), hand it on, and close it; nothing else calls it. */
const CLIENT_ROOTS = [
  'api/server.ts',
  'worker/main.ts',
  'scripts/lib/system.ts',
  'scripts/lib/prepare-database.ts',
  'scripts/admin/context.ts',
  'scripts/audit-verify.ts',
  'scripts/record-histories.ts',
  // the benchmarks' API and worker processes, and their database set-up (docs/benchmarks.md)
  'bench/roles/api.ts',
  'bench/roles/case-worker.ts',
  'bench/lib/database.ts',
];

/** Files that import @prisma/* outside prisma/ without being a client: the wasm schema engine that writes migrations. */
const PRISMA_PACKAGE_USERS = ['scripts/lib/schema-engine.ts'];

/** The model delegates of the generated client (`db.case`, `tx.caseEvent` …), from the schema. */
const DELEGATES = [...readFileSync(join(ROOT, 'prisma/schema.prisma'), 'utf8').matchAll(/^model (\w+)/gm)].map(
  (m) => m[1]![0]!.toLowerCase() + m[1]!.slice(1),
);
const OPERATIONS =
  'findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findMany|create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany|count|aggregate|groupBy';
const QUERY_CALL = new RegExp(
  `\\.(?:(?:${DELEGATES.join('|')})\\.(?:${OPERATIONS})|\\$(?:transaction|queryRaw|queryRawUnsafe|executeRaw|executeRawUnsafe|extends))\\b`,
  'g',
);
const LIFECYCLE_CALL = /\.\$(?:connect|disconnect)\b|\bcreateDb\(/g;

/** The code of a file without its comments (a comment that names a call is not one); `//` in a URL or `/*` in a glob stays. */
const codeOf = (file: string) =>
  readFileSync(join(ROOT, file), 'utf8')
    .replace(/(^|\s)\/\*[\s\S]*?\*\//g, '$1')
    .replace(/(^|\s)\/\/.*$/gm, '$1');
const callsIn = (file: string, re: RegExp) => [...codeOf(file).matchAll(re)].map((m) => m[0]);

describe('data access', () => {
  it('knows the client: the schema has models and a file of prisma/ calls them', () => {
    expect(DELEGATES).toContain('caseEvent');
    expect(callsIn('prisma/cases/writes.ts', QUERY_CALL)).toContain('.$transaction');
  });

  it.each(outsidePrisma)('%s makes no Prisma client call (prisma/ modules do)', (file) => {
    expect(callsIn(file, QUERY_CALL), `${file} calls the client: move the query into a prisma/ module`).toEqual([]);
    if (!CLIENT_ROOTS.includes(file))
      expect(callsIn(file, LIFECYCLE_CALL), `${file} creates or closes a client: only the composition roots do`).toEqual([]);
  });

  it.each(outsidePrisma.filter((f) => !PRISMA_PACKAGE_USERS.includes(f)))(
    '%s imports neither the generated client nor @prisma/*',
    (file) => {
      for (const { spec } of importsOf(file)) {
        expect(spec.startsWith('@prisma/'), `${file} imports ${spec}`).toBe(false);
        if (spec.startsWith('.'))
          expect(relative(ROOT, resolve(ROOT, file, '..', spec)).startsWith('prisma/generated'), `${file} imports ${spec}`).toBe(false);
      }
    },
  );

  it.each(CLIENT_ROOTS)('%s is a composition root: it creates the client', (file) => {
    expect(callsIn(file, LIFECYCLE_CALL)).toContain('createDb(');
  });

  it.each(filesOf('prisma').filter((f) => !f.startsWith('prisma/generated')))(
    '%s reaches only prisma/, domain/, platform/ and the types of workflows/definitions',
    (file) => {
      for (const { spec, typeOnly } of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(ROOT, resolve(ROOT, file, '..', spec));
        expect(target.startsWith('activities/'), `${file} imports ${spec}: activities adapt prisma/, not the other way`).toBe(false);
        if (target === 'workflows/definitions.js') expect(typeOnly, `${file} imports ${spec} (use import type)`).toBe(true);
        else expect(['prisma', 'domain', 'platform'], `${file} imports ${spec}`).toContain(target.split('/')[0]);
      }
    },
  );
});
