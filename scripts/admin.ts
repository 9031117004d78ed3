// Operator commands without HTTP: `npm run admin -- <command> [--flag value ...]`.
// Works against DATABASE_URL, or the running embedded database of `npm start`.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { loadConfig } from '../platform/config.js';
import { REDACT } from '../platform/logger.js';
import { createDb } from '../prisma/client.js';
import { createPrincipal, issueKey, keySummary, revokeKey } from '../prisma/principals.js';
import { deleteCalendarDay, putCalendarDay } from '../prisma/reference/calendar.js';
import { ReferenceRefusal, type ChangeOutcome } from '../prisma/reference/change-log.js';
import { listCalendarDays } from '../prisma/reference/reads.js';
import { PrincipalBody } from '../api/schemas/requests.js';
import { calendarDateSchema, HolidayBody } from '../api/schemas/reference.js';
import { CredentialRefusal, setCredential } from '../prisma/sessions.js';
import { PasswordBody } from '../api/schemas/console.js';
import { operatorDatabaseUrl } from './lib/embedded-postgres.js';

const USAGE = `usage: npm run admin -- <command> [options]

  create-principal --name N --role carrier|officer|manager|admin
                   [--carrier ID] [--agency ID] [--province CODE] [--title CODE]
                                   creates a principal and prints its first key (once)
  list-principals                  lists principals and their keys (never secrets)
  create-key --principal ID --name N   issues another key (rotation), printed once
  revoke-key --key ID              revokes a key at once
  set-password --principal ID --username U
                                   sets or resets a person's console sign-in; the password is read
                                   from standard input (one line), and every open session ends
  create-carrier --id ID --name N [--kt1]   registers a carrier
  set-holiday --date YYYY-MM-DD --name N [--kind HOLIDAY|MAKE_UP_WORKDAY]
                                   adds or corrects a day of the working-day calendar
  delete-holiday --date YYYY-MM-DD removes a day from the calendar
  list-holidays [--year YYYY]      lists the calendar
Calendar changes are logged (GET /v1/reference/changes) and apply to cases opened after them.`;

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
    date: { type: 'string' },
    kind: { type: 'string' },
    year: { type: 'string' },
    username: { type: 'string' },
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
const config = loadConfig();
const db = createDb(operatorDatabaseUrl(config, 'admin'), { max: 2 });
/** Who changes reference data from here, in the change log. */
const operator = () => {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return `cli:${process.env.USER ?? 'operator'}`;
  }
};
/** Audit lines go to stderr as pino JSON, like the API's; stdout stays for people. */
const audit = pino(
  { name: 'postwatch-admin', level: config.LOG_LEVEL, redact: { paths: REDACT, censor: '[redacted]' } },
  pino.destination({ dest: 2, sync: true }),
);
async function referenceChange<T>(table: string, key: string, run: () => Promise<ChangeOutcome<T>>): Promise<ChangeOutcome<T>> {
  try {
    const outcome = await run();
    if (outcome.change)
      audit.info(
        {
          referenceChange: {
            id: outcome.change.id,
            actorId: outcome.change.actorId,
            table,
            key,
            before: outcome.before,
            after: outcome.after,
          },
        },
        `reference data changed: ${table} ${key}`,
      );
    return outcome;
  } catch (e) {
    if (e instanceof ReferenceRefusal) fail(e.message);
    throw e;
  }
}
async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}
const parsedDate = () => {
  const r = calendarDateSchema.safeParse(o.date);
  if (!r.success) fail('--date must be a date YYYY-MM-DD');
  return r.data;
};
try {
  switch (command) {
    case 'create-principal': {
      const parsed = PrincipalBody.safeParse({
        name: o.name,
        role: o.role,
        carrierId: o.carrier,
        agencyId: o.agency,
        provinceCode: o.province,
        title: o.title,
      });
      if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
      const { principal, token } = await createPrincipal(db, parsed.data, 'initial');
      console.log(`created ${principal.role} ${principal.id} (${principal.name})`);
      console.log(`key (shown once): ${token}`);
      break;
    }
    case 'list-principals': {
      for (const p of await db.principal.findMany({ include: { keys: true }, orderBy: { createdAt: 'asc' } })) {
        const scope = [
          p.carrierId && `carrier ${p.carrierId}`,
          p.agencyId && `agency ${p.agencyId}`,
          p.provinceCode && `province ${p.provinceCode}`,
        ]
          .filter(Boolean)
          .join(', ');
        console.log(`${p.id}  ${p.role.padEnd(8)} ${p.name}${scope ? `  [${scope}]` : ''}`);
        for (const k of p.keys.map(keySummary))
          console.log(
            `    key ${k.id} ${k.name} pw_${k.prefix}_…  last used ${k.lastUsedAt ?? 'never'}${k.revokedAt ? `  REVOKED ${k.revokedAt}` : ''}`,
          );
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
    case 'set-password': {
      if (!o.principal) fail('set-password needs --principal, --username, and the password on standard input');
      const password = (await readStdin()).split(/\r?\n/)[0] ?? '';
      const parsed = PasswordBody.safeParse({ username: o.username, password });
      if (!parsed.success)
        fail(
          parsed.error.issues.map((i) => `${i.path[0] === 'password' ? 'the password' : `--${i.path.join('.')}`}: ${i.message}`).join('; '),
        );
      try {
        const done = await setCredential(db, { principalId: o.principal, ...parsed.data, setBy: operator() });
        audit.info({ event: 'password-set', target: o.principal, endedSessions: done.endedSessions, by: operator() }, 'password set');
        console.log(`${o.principal} signs in as ${done.username}; ${done.endedSessions} open session(s) ended`);
      } catch (e) {
        if (e instanceof CredentialRefusal) fail(e.message);
        throw e;
      }
      break;
    }
    case 'create-carrier': {
      if (!o.id || !o.name || !/^[A-Za-z0-9_-]{1,32}$/.test(o.id)) fail('create-carrier needs --id (letters, digits, - or _) and --name');
      await db.carrier.upsert({
        where: { id: o.id },
        create: { id: o.id, name: o.name, kt1: o.kt1 },
        update: { name: o.name, kt1: o.kt1 },
      });
      console.log(`carrier ${o.id} registered`);
      break;
    }
    case 'set-holiday': {
      const date = parsedDate();
      const parsed = HolidayBody.safeParse({ name: o.name, kind: o.kind });
      if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
      const { before, after, change } = await referenceChange('Holiday', date, () => putCalendarDay(db, operator(), date, parsed.data));
      const shown = (d: typeof after) => (d ? `${d.kind} "${d.name}"` : 'none');
      console.log(
        change
          ? `${date}: ${shown(before)} → ${shown(after)} (change ${change.id}; applies to cases opened from now on)`
          : `${date}: unchanged, ${shown(after)}`,
      );
      break;
    }
    case 'delete-holiday': {
      const date = parsedDate();
      const { change } = await referenceChange('Holiday', date, () => deleteCalendarDay(db, operator(), date));
      console.log(`${date}: removed from the calendar (change ${change?.id}; applies to cases opened from now on)`);
      break;
    }
    case 'list-holidays': {
      const year = o.year === undefined ? undefined : Number(o.year);
      if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2200)) fail('--year must be a year like 2027');
      for (const d of await listCalendarDays(db, year)) console.log(`${d.date}  ${d.kind.padEnd(15)} ${d.name}`);
      break;
    }
    default:
      fail(`unknown command ${command}\n${USAGE}`);
  }
} finally {
  await db.$disconnect();
}
process.exit(0); // embedded-postgres's exit hook would otherwise decide the exit code
