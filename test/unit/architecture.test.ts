// The arrows of the layout (docs: STYLE, README "Architecture"): api → {domain, workflows/definitions,
// prisma}; worker → {workflows by path, activities}; activities → {prisma, domain}; workflows →
// {domain}. Nothing imports api/ or worker/ but the entry points that assemble them. Inside api/:
// app.ts → operations.ts → resources/ → {http/, schemas/}; http/ (the plumbing) knows no resource.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const filesOf = (dir: string) =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));

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
      if (target.startsWith('workflows/') && target !== 'workflows/definitions.js') expect(typeOnly, `${file} imports ${spec}`).toBe(true);
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
