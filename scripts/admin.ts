// Operator commands without HTTP: `npm run admin -- <command> [--flag value ...]`.
// Works against DATABASE_URL, or the running embedded database of `npm start`.
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.js';
import { createDb } from '../prisma/client.js';
import { createPrincipal, issueKey, keySummary, revokeKey } from '../prisma/principals.js';
import { PrincipalBody } from '../api/schemas.js';
import { operatorDatabaseUrl } from './lib/embedded-postgres.js';

const USAGE = `usage: npm run admin -- <command> [options]

  create-principal --name N --role carrier|officer|manager|admin
                   [--carrier ID] [--agency ID] [--province CODE] [--title CODE]
                                   creates a principal and prints its first key (once)
  list-principals                  lists principals and their keys (never secrets)
  create-key --principal ID --name N   issues another key (rotation), printed once
  revoke-key --key ID              revokes a key at once
  create-carrier --id ID --name N [--kt1]   registers a carrier`;

const [command, ...rest] = process.argv.slice(2);
const { values: o } = parseArgs({
  args: rest,
  options: {
    name: { type: 'string' },
    role: { type: 'string' },
    carrier: { type: 'string' },
    agency: { type: 'string' },
    province: { type: 'string' },
    title: { type: 'string' },
    principal: { type: 'string' },
    key: { type: 'string' },
    id: { type: 'string' },
    kt1: { type: 'boolean', default: false },
  },
  strict: true,
});

function fail(message: string): never {
  console.error(`admin: ${message}`);
  process.exit(2);
}

if (!command || command === 'help' || command === '--help') {
  console.log(USAGE);
  process.exit(command ? 0 : 2);
}
const db = createDb(operatorDatabaseUrl(loadConfig(), 'admin'), { max: 2 });
try {
  switch (command) {
    case 'create-principal': {
      const parsed = PrincipalBody.safeParse({ name: o.name, role: o.role, carrierId: o.carrier, agencyId: o.agency, provinceCode: o.province, title: o.title });
      if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
      const { principal, token } = await createPrincipal(db, parsed.data, 'initial');
      console.log(`created ${principal.role} ${principal.id} (${principal.name})`);
      console.log(`key (shown once): ${token}`);
      break;
    }
    case 'list-principals': {
      for (const p of await db.principal.findMany({ include: { keys: true }, orderBy: { createdAt: 'asc' } })) {
        const scope = [p.carrierId && `carrier ${p.carrierId}`, p.agencyId && `agency ${p.agencyId}`, p.provinceCode && `province ${p.provinceCode}`].filter(Boolean).join(', ');
        console.log(`${p.id}  ${p.role.padEnd(8)} ${p.name}${scope ? `  [${scope}]` : ''}`);
        for (const k of p.keys.map(keySummary)) console.log(`    key ${k.id} ${k.name} pw_${k.prefix}_…  last used ${k.lastUsedAt ?? 'never'}${k.revokedAt ? `  REVOKED ${k.revokedAt}` : ''}`);
      }
      break;
    }
    case 'create-key': {
      if (!o.principal || !o.name) fail('create-key needs --principal and --name');
      if (!(await db.principal.findUnique({ where: { id: o.principal } }))) fail(`no principal ${o.principal}`);
      const { key, token } = await issueKey(db, o.principal, o.name);
      console.log(`key ${key.id} (shown once): ${token}`);
      break;
    }
    case 'revoke-key': {
      if (!o.key) fail('revoke-key needs --key');
      if (!(await revokeKey(db, o.key))) fail(`no key ${o.key}`);
      console.log(`revoked ${o.key}`);
      break;
    }
    case 'create-carrier': {
      if (!o.id || !o.name || !/^[A-Za-z0-9_-]{1,32}$/.test(o.id)) fail('create-carrier needs --id (letters, digits, - or _) and --name');
      await db.carrier.upsert({ where: { id: o.id }, create: { id: o.id, name: o.name, kt1: o.kt1 }, update: { name: o.name, kt1: o.kt1 } });
      console.log(`carrier ${o.id} registered`);
      break;
    }
    default:
      fail(`unknown command ${command}\n${USAGE}`);
  }
} finally {
  await db.$disconnect();
}
process.exit(0); // embedded-postgres's exit hook would otherwise decide the exit code
