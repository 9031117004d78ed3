// The arrows of the layout (docs: STYLE, README "Architecture"): api → {domain, workflows/definitions,
// prisma}; worker → {workflows by path, activities}; activities → {prisma, domain}; workflows →
// {domain}. Nothing imports api/ or worker/ but the entry points that assemble them.
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

/** The top-level folder a relative import lands in. */
const folderOf = (file: string, spec: string) => relative(ROOT, resolve(ROOT, file, '..', spec)).split('/')[0]!;

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
