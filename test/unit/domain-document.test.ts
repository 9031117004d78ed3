// Code comments cite the domain document by section: every citation names a section that exists,
// and nothing cites the brief that is not in the repository.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const sections = new Set(
  [...readFileSync(join(ROOT, 'docs/domain-model.md'), 'utf8').matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.trim()),
);
const files = ['domain', 'workflows', 'activities', 'api', 'prisma', 'platform', 'worker', 'webhooks', 'scripts'].flatMap((dir) =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.startsWith('generated'))
    .map((f) => join(dir, f)),
);

/** The comment text of a file, with line breaks and comment markers folded away. */
const prose = (file: string) => readFileSync(join(ROOT, file), 'utf8').replace(/\n\s*(\*(?!\/)|\/\/)\s?/g, ' ');

/** The section titles a file cites: `docs/domain-model.md, "A", "B"` or `docs/domain-model.md "A" and "B"`. */
const citedIn = (file: string): string[] =>
  [...prose(file).matchAll(/domain-model\.md,?((?:\s*(?:,|and)?\s*"[^"]+")+)/g)].flatMap((m) =>
    [...m[1]!.matchAll(/"([^"]+)"/g)].map((q) => q[1]!),
  );

describe('citations of docs/domain-model.md', () => {
  it('has sections, and code that cites them', () => {
    expect(sections).toContain('Clocks');
    expect(files.flatMap(citedIn).length).toBeGreaterThan(10);
  });

  it.each(files)('%s cites only sections that exist, and not the brief', (file) => {
    for (const title of citedIn(file)) expect(sections, `${file} cites "${title}"`).toContain(title);
    expect(prose(file), `${file} cites domain.md`).not.toMatch(/\bdomain\.md\b/);
  });
});
