// What a user of an open-source service expects beside the code (issue 14): a licence, a security
// policy, a changelog, an example environment naming every setting, and Node versions Prisma 7 supports.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (f: string) => readFileSync(resolve(ROOT, f), 'utf8');
const variables = [...read('platform/config.ts').matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);

describe('project files', () => {
  it('.env.example names every variable of platform/config.ts', () => {
    const example = read('.env.example');
    expect(variables.length).toBeGreaterThan(20);
    for (const name of variables) expect(example, name).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
  });

  it('is licensed Apache-2.0, with a security policy and a changelog', () => {
    expect(read('LICENSE')).toContain('Apache License\n                           Version 2.0, January 2004');
    expect(JSON.parse(read('package.json')).license).toBe('Apache-2.0');
    expect(read('SECURITY.md')).toMatch(/private security advisory/);
    expect(read('CHANGELOG.md')).toMatch(/^## \[Unreleased\]/m);
  });

  it('runs on the Node versions Prisma 7 supports, .nvmrc naming an LTS among them', () => {
    expect(JSON.parse(read('package.json')).engines.node).toBe('^20.19 || ^22.12 || >=24');
    expect(Number(read('.nvmrc').trim())).toBeGreaterThanOrEqual(24);
  });
});
