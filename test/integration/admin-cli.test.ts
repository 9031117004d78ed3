// The admin CLI behaves like one (issue 14, "operations users expect"): --help per command, one-line
// errors, distinct exit codes, and every reference table the README names, run as an operator runs it.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCodecKeys } from '../../platform/payload-codec.js';
import { listAuthorityCaps, listFineRules } from '../../prisma/reference/reads.js';
import type { Db } from '../../prisma/client.js';
import { seedForCases } from '../support/cases.js';
import { migratedDatabase } from '../support/db.js';
import { adminCli } from '../support/admin-cli.js';

let db: Db;
let url: string;

const admin = (...args: string[]) => adminCli(url, ...args);
/** A failure: its exit code, and exactly one line on stderr. */
async function refused(args: string[], code: number, message: RegExp | string) {
  const r = await admin(...args);
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message);
}

beforeAll(async () => {
  ({ db, url } = await migratedDatabase());
  await seedForCases(db);
});

// every command is a process of its own (tsx start-up each time)
describe('npm run admin', { timeout: 240_000 }, () => {
  it('lists every command, with its options and the exit codes, in --help', async () => {
    const top = await admin('--help');
    expect(top.code).toBe(0);
    for (const c of [
      'create-principal',
      'set-holiday',
      'set-deadline-policy',
      'put-fine-rule',
      'put-authority-cap',
      'create-agency',
      'patch-agency',
      'list-categories',
      'list-changes',
      'new-payload-key',
    ])
      expect(top.stdout).toContain(c);
    expect(top.stdout).toMatch(/Exit codes: 0 done/);
    const one = await admin('put-fine-rule', '--help');
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('--id <id>');
    expect(one.stdout).toContain('--json <text>');
  });

  it('answers usage mistakes with exit 2 and one line', async () => {
    await refused(['frobnicate'], 2, "unknown command 'frobnicate'");
    await refused(['set-holiday', '--date', '2027-02-05'], 2, "required option '--name <name>' not specified");
    await refused(['list-holidays', '--colour', 'red'], 2, "unknown option '--colour'");
    expect((await admin()).code).toBe(2);
  });

  it('answers a bad value with 3, a missing row with 4, a refused change with 5, no database with 6', async () => {
    await refused(['set-holiday', '--date', '2027-02-30', '--name', 'x'], 3, '--date: a date');
    await refused(['create-principal', '--name', 'x', '--role', 'wizard'], 3, '--role');
    await refused(['set-deadline-policy', '--clock', 'VERIFICATION', '--json', '{"limitValue":'], 3, '--json');
    await refused(['revoke-key', '--key', 'no-such-key'], 4, 'no key no-such-key');
    await refused(['set-deadline-policy', '--clock', 'NO_SUCH_CLOCK', '--json', '{"verify":true}'], 4, 'NO_SUCH_CLOCK');
    const rule = (await listFineRules(db))[0]!;
    const { id, ...body } = rule;
    await refused(['put-fine-rule', '--id', id, '--json', JSON.stringify({ ...body, minVnd: body.maxVnd + 1 })], 5, 'would break');
    const saved = url;
    url = '';
    try {
      await refused(['list-holidays'], 6, 'no database: start Postwatch (npm start) or set DATABASE_URL');
    } finally {
      url = saved;
    }
  });

  it('administers every reference table, each change in the change log', async () => {
    const ok = async (...args: string[]) => {
      const r = await admin(...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r.stdout;
    };
    expect(await ok('set-holiday', '--date', '2031-02-05', '--name', 'Tết thử nghiệm')).toMatch(
      /2031-02-05: none → HOLIDAY "Tết thử nghiệm" \(change \d+/,
    );
    expect(await ok('list-holidays', '--year', '2031')).toContain('Tết thử nghiệm');
    expect(await ok('set-deadline-policy', '--clock', 'VERIFICATION', '--json', '{"legalBasis":"Điều thử nghiệm"}')).toMatch(
      /clock VERIFICATION: .* → .*Điều thử nghiệm/,
    );
    expect(await ok('list-deadline-policies')).toMatch(/^VERIFICATION\s+\d+/m);
    const { id: ruleId, ...rule } = (await listFineRules(db))[0]!;
    expect(await ok('put-fine-rule', '--id', ruleId, '--json', JSON.stringify({ ...rule, legalBasis: 'Nghị định thử nghiệm' }))).toContain(
      `fine rule ${ruleId}:`,
    );
    expect(await ok('list-fine-rules')).toContain(ruleId);
    const { id: capId, ...cap } = (await listAuthorityCaps(db))[0]!;
    expect(await ok('put-authority-cap', '--id', capId, '--json', JSON.stringify({ ...cap, capVnd: cap.capVnd + 1000 }))).toContain(
      `authority cap ${capId}:`,
    );
    expect(await ok('list-authority-caps')).toContain(`${cap.capVnd + 1000} VND`);
    expect(await ok('patch-agency', '--id', 'TH-QLTT', '--json', '{"validTo":"2031-01-01"}')).toContain('agency TH-QLTT:');
    const successor = {
      id: 'TH-QLTT-2031',
      kind: 'QLTT',
      provinceCode: 'TH',
      name: 'Chi cục QLTT Thanh Hóa (mới)',
      validFrom: '2031-01-01',
    };
    expect(await ok('create-agency', '--json', JSON.stringify(successor))).toContain('agency TH-QLTT-2031: none →');
    expect(await ok('list-agencies', '--province', 'TH', '--valid-on', '2031-06-01')).toContain('TH-QLTT-2031');
    expect(await ok('list-categories')).toContain('COUNTERFEIT');
    const log = await ok('list-changes');
    for (const table of ['Holiday', 'DeadlinePolicy', 'FineSchedule', 'AuthorityCap', 'Agency'])
      expect(log, table).toMatch(new RegExp(`cli:\\S+\\s+${table} `));
  });

  it('makes a payload key entry without a database', async () => {
    const saved = url;
    url = '';
    try {
      const r = await admin('new-payload-key');
      expect(r.code).toBe(0);
      expect(parseCodecKeys(r.stdout.trim())[0]!.key).toHaveLength(32);
    } finally {
      url = saved;
    }
  });
});
