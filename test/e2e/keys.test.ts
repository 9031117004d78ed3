// Acceptance: keys are stored hashed (a test reads the table); a revoked key is refused at once.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, call } from '../support/api.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
let admin: string;

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
/** The random part of `pw_<8 hex>_<base64url>` (which may itself contain "_"). */
const secretOf = (token: string) => token.slice('pw_00000000_'.length);

/** Every ApiKey row as the database holds it, every column as JSON text. */
async function apiKeyRows(): Promise<{ id: string; principalId: string; json: string; row: Record<string, unknown> }[]> {
  const client = new pg.Client({ connectionString: h.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ j: Record<string, unknown> }>('SELECT row_to_json(k) AS j FROM "ApiKey" k');
    return rows.map(({ j }) => ({ id: j.id as string, principalId: j.principalId as string, json: JSON.stringify(j), row: j }));
  } finally {
    await client.end();
  }
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  h = await apiHarness();
  admin = (await h.principal({ name: 'Administrator', role: 'admin' })).token;
});

describe('a principal created over HTTP', () => {
  let principalId: string;
  let first: { id: string; token: string };
  let second: { id: string; token: string };

  it('shows the key once, in the creation response', async () => {
    const r = await call(h.base, admin, 'POST', '/v1/principals', { name: 'VNPost integration', role: 'carrier', carrierId: 'VNP' });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({
      role: 'carrier',
      carrierId: 'VNP',
      key: { id: expect.any(String), token: expect.stringMatching(/^pw_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/) },
    });
    expect(r.headers.get('location')).toBe(`/v1/principals/${r.body.id}`);
    principalId = r.body.id;
    first = { id: r.body.key.id, token: r.body.key.token };
    expect((await call(h.base, first.token, 'GET', '/v1/cases')).status).toBe(200);
  });

  it('stores only the SHA-256 of the key and its prefix: no column holds the token', async () => {
    const rows = await apiKeyRows();
    const mine = rows.find((r) => r.id === first.id)!;
    expect(mine.row.hash).toBe(sha256(first.token));
    expect(mine.row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(mine.row.prefix).toBe(first.token.split('_')[1]);
    const secret = secretOf(first.token);
    for (const r of rows) {
      expect(r.json).not.toContain(first.token);
      expect(r.json).not.toContain(secret);
    }
    // nor does any other table that names principals
    const client = new pg.Client({ connectionString: h.url });
    await client.connect();
    try {
      for (const table of ['Principal', 'IdempotencyRecord']) {
        const { rows: all } = await client.query(`SELECT row_to_json(t)::text AS j FROM "${table}" t`);
        for (const { j } of all) expect(j).not.toContain(secret);
      }
    } finally {
      await client.end();
    }
  });

  it('rotates: a second key works alongside the first', async () => {
    const r = await call(h.base, admin, 'POST', `/v1/principals/${principalId}/keys`, { name: 'rotation 2026' });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ id: expect.any(String), name: 'rotation 2026', revokedAt: null, token: expect.stringMatching(/^pw_/) });
    expect(r.body.hash).toBeUndefined();
    second = { id: r.body.id, token: r.body.token };
    expect(second.token).not.toBe(first.token);
    const stored = (await apiKeyRows()).find((k) => k.id === second.id)!;
    expect(stored.row.hash).toBe(sha256(second.token));
    expect(stored.json).not.toContain(second.token);
    for (const t of [first.token, second.token]) expect((await call(h.base, t, 'GET', '/v1/cases')).status).toBe(200);
  });

  it('records when a key was last used', async () => {
    const used = await until('lastUsedAt', async () => (await h.db.apiKey.findUniqueOrThrow({ where: { id: second.id } })).lastUsedAt);
    expect(Date.now() - used.getTime()).toBeLessThan(60_000);
    const list = await call(h.base, admin, 'GET', '/v1/principals');
    const key = list.body.items.find((p: { id: string }) => p.id === principalId).keys.find((k: { id: string }) => k.id === second.id);
    expect(key.lastUsedAt).toBe(used.toISOString());
  });

  it('never returns tokens or hashes from GET /v1/principals', async () => {
    const r = await call(h.base, admin, 'GET', '/v1/principals');
    expect(r.status).toBe(200);
    const rows = await apiKeyRows();
    for (const k of rows) expect(r.text).not.toContain(k.row.hash as string);
    for (const t of [first.token, second.token]) expect(r.text).not.toContain(secretOf(t));
    const mine = r.body.items.find((p: { id: string }) => p.id === principalId);
    expect(mine.keys.map((k: { id: string }) => k.id)).toEqual([first.id, second.id]);
    for (const p of r.body.items) {
      expect(p.key).toBeUndefined();
      for (const k of p.keys) expect(Object.keys(k).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt']);
    }
  });

  it('refuses a revoked key on the very next request, while the other key still works', async () => {
    const del = await call(h.base, admin, 'DELETE', `/v1/keys/${first.id}`);
    expect(del.status, del.text).toBe(204);
    const refused = await call(h.base, first.token, 'GET', '/v1/cases');
    expect(refused.status).toBe(401);
    expect(refused.body.type).toBe('https://postwatch.dev/problems/unauthorized');
    expect(refused.headers.get('www-authenticate')).toMatch(/invalid_token/);
    expect((await call(h.base, second.token, 'GET', '/v1/cases')).status).toBe(200);
    const row = await h.db.apiKey.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.revokedAt).not.toBeNull();
    const list = await call(h.base, admin, 'GET', '/v1/principals');
    const listed = list.body.items.find((p: { id: string }) => p.id === principalId).keys.find((k: { id: string }) => k.id === first.id);
    expect(listed.revokedAt).toBe(row.revokedAt!.toISOString());
  });

  it('revokes idempotently, and 404s an unknown key', async () => {
    expect((await call(h.base, admin, 'DELETE', `/v1/keys/${first.id}`)).status).toBe(204);
    expect((await call(h.base, first.token, 'GET', '/v1/cases')).status).toBe(401);
    const unknown = await call(h.base, admin, 'DELETE', '/v1/keys/00000000-0000-0000-0000-000000000000');
    expect(unknown.status).toBe(404);
    const noPrincipal = await call(h.base, admin, 'POST', '/v1/principals/nobody/keys', { name: 'x' });
    expect(noPrincipal.status).toBe(404);
  });

  it('refuses a disabled principal’s keys at once', async () => {
    await h.db.principal.update({ where: { id: principalId }, data: { disabledAt: new Date() } });
    expect((await call(h.base, second.token, 'GET', '/v1/cases')).status).toBe(401);
  });

  it('refuses tokens that merely look right', async () => {
    const forged = `pw_${second.token.split('_')[1]}_${'A'.repeat(43)}`;
    expect((await call(h.base, forged, 'GET', '/v1/cases')).status).toBe(401);
    // the stored hash itself is not a key
    const hash = (await apiKeyRows()).find((k) => k.id === second.id)!.row.hash as string;
    expect((await call(h.base, hash, 'GET', '/v1/cases')).status).toBe(401);
    expect(
      (await call(h.base, null, 'GET', '/v1/cases', undefined, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` })).status,
    ).toBe(401);
  });
});

// The operator CLI (scripts/admin.ts), against this file's database.
describe('npm run admin', () => {
  const run = promisify(execFile);
  const admin_ = (...args: string[]) =>
    run('npm', ['run', '--silent', 'admin', '--', ...args], {
      env: { ...process.env, DATABASE_URL: h.url, npm_config_loglevel: 'error' },
      timeout: 60_000,
    });

  let keyId: string;
  let token: string;

  it('create-principal prints the key once and stores only its hash', async () => {
    const { stdout } = await admin_(
      'create-principal',
      '--name',
      'CLI officer',
      '--role',
      'officer',
      '--agency',
      'TH-QLTT',
      '--province',
      'TH',
      '--title',
      'TEAM_LEAD',
    );
    const created = /created officer (\S+) \(CLI officer\)/.exec(stdout);
    const shown = /key \(shown once\): (pw_\S+)/.exec(stdout);
    expect(created, stdout).not.toBeNull();
    expect(shown, stdout).not.toBeNull();
    token = shown![1]!;
    const rows = (await apiKeyRows()).filter((k) => k.principalId === created![1]);
    expect(rows).toHaveLength(1);
    keyId = rows[0]!.id;
    expect(rows[0]!.row.hash).toBe(sha256(token));
    expect(rows[0]!.json).not.toContain(secretOf(token));
    const r = await call(h.base, token, 'GET', '/v1/cases');
    expect(r.status).toBe(200);
  });

  it('list-principals shows keys without secrets', async () => {
    const { stdout } = await admin_('list-principals');
    expect(stdout).toContain(keyId);
    expect(stdout).not.toContain(token);
    expect(stdout).not.toContain(secretOf(token));
    expect(stdout).not.toContain(sha256(token));
  });

  it('refuses an invalid principal with a message and exit code 3 (invalid value)', async () => {
    const e = await admin_('create-principal', '--name', 'No carrier', '--role', 'carrier').catch(
      (x: { code: number; stderr: string }) => x,
    );
    expect((e as { code: number }).code).toBe(3);
    expect((e as { stderr: string }).stderr).toMatch(/--carrier: a carrier principal is bound to one carrier/);
  });

  it('revoke-key takes effect on the running API at once', async () => {
    await admin_('revoke-key', '--key', keyId);
    expect((await call(h.base, token, 'GET', '/v1/cases')).status).toBe(401);
  });
});
