// domain/ runs inside deterministic workflows: no IO, no clock, no randomness, no heavy imports.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DOMAIN = fileURLToPath(new URL('../../domain', import.meta.url));
const files = readdirSync(DOMAIN, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

const FORBIDDEN: [RegExp, string][] = [
  [/from\s+['"]node:/, 'a node: import'],
  [/from\s+['"](fs|path|crypto|os|child_process)['"]/, 'a Node built-in'],
  [/@temporalio\//, 'a Temporal import'],
  [/prisma/i, 'Prisma'],
  [/Date\.now\(/, 'Date.now()'],
  [/new Date\(\s*\)/, 'new Date() without an argument'],
  [/Math\.random\(/, 'Math.random()'],
  [/process\./, 'process'],
  [/from\s+['"]\.{1,2}\/[^'"]*(?<!\.js)['"]/, 'a relative import without .js'],
];

describe('domain/ is pure', () => {
  it('has files to check', () => expect(files.length).toBeGreaterThan(10));

  it.each(files)('%s', (file) => {
    const code = readFileSync(join(DOMAIN, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:])\/\/.*$/gm, '$1');
    for (const [pattern, what] of FORBIDDEN) expect(pattern.test(code), `${file} uses ${what}`).toBe(false);
  });
});
