import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../platform/config.js';

describe('configuration', () => {
  it('starts with defaults when nothing is set', () => {
    const cfg = loadConfig({});
    expect(cfg).toMatchObject({ PORT: 3000, TEMPORAL_PORT: 7233, DATA_DIR: './data', CLOCK_SCALE: 1, LOG_LEVEL: 'info' });
    expect(cfg.DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['DATABASE_URL', 'postgres//nope'],
    ['TEMPORAL_ADDRESS', 'localhost'],
    ['PORT', 'eighty'],
    ['LOG_LEVEL', 'loud'],
    ['ADMIN_TOKEN', 'short'],
    ['CLOCK_SCALE', '0'],
  ])('names %s when its value is bad', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('documents every variable in the README configuration table', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const source = readFileSync(resolve(import.meta.dirname, '../../platform/config.ts'), 'utf8');
    const names = [...source.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(readme, name).toContain(`| \`${name}\` |`);
  });
});
