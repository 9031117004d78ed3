import type { Command } from 'commander';
import { newCodecKeyEntry } from '../../platform/payload-codec.js';
import { putCarrier } from '../../prisma/carriers.js';
import { createPrincipal, issueKey, keySummary, listPrincipals, principalExists, revokeKey } from '../../prisma/principals.js';
import { PrincipalBody } from '../../api/schemas/requests.js';
import { agencyProvinceRefusal } from '../../domain/access.js';
import { agencyProvince } from '../../prisma/reference/reads.js';
import { PasswordBody } from '../../api/schemas/console.js';
import { CredentialRefusal, setCredential } from '../../prisma/sessions.js';
import { AdminError, EXIT, invalid, notFound, parsed, type AdminContext } from './context.js';

/** Principals, keys, carriers, and the payload codec's keys. */
export function principalCommands(program: Command, ctx: AdminContext): void {
  program
    .command('create-principal')
    .description('creates a principal and prints its first key (once)')
    .requiredOption('--name <name>', 'who it is')
    .requiredOption('--role <role>', 'carrier | officer | manager | admin')
    .option('--carrier <id>', 'its carrier (carrier keys)')
    .option('--agency <id>', 'its agency (officers, managers)')
    .option('--province <code>', 'its province')
    .option('--title <code>', 'its authority title (officers)')
    .action((o) =>
      ctx.withDb(async (db) => {
        const body = { name: o.name, role: o.role, carrierId: o.carrier, agencyId: o.agency, provinceCode: o.province, title: o.title };
        const flag: Record<string, string> = { carrierId: 'carrier', agencyId: 'agency', provinceCode: 'province' };
        const input = parsed(PrincipalBody, body, (path) => `--${flag[path] ?? path}`);
        if (input.agencyId) {
          const province = await agencyProvince(db, input.agencyId);
          if (province === undefined) throw invalid(`--agency: no agency ${input.agencyId}`);
          const wrong = agencyProvinceRefusal(input, { id: input.agencyId, provinceCode: province });
          if (wrong) throw invalid(`--province: ${wrong}`);
        }
        const { principal, token } = await createPrincipal(db, input, 'initial');
        console.log(`created ${principal.role} ${principal.id} (${principal.name})`);
        console.log(`key (shown once): ${token}`);
      }),
    );

  program
    .command('set-password')
    .description("sets or resets a person's console sign-in; the password is read from standard input (one line); every open session ends")
    .requiredOption('--principal <id>', 'the person (officer, manager or admin)')
    .requiredOption('--username <name>', 'what they sign in with')
    .action((o) =>
      ctx.withDb(async (db) => {
        const password = (await readStdin()).split(/\r?\n/)[0] ?? '';
        const input = parsed(PasswordBody, { username: o.username, password }, (path) =>
          path === 'password' ? 'the password' : `--${path}`,
        );
        try {
          const done = await setCredential(db, { principalId: o.principal, ...input, setBy: ctx.operator });
          ctx.audit.info(
            { event: 'password-set', target: o.principal, endedSessions: done.endedSessions, by: ctx.operator },
            'password set',
          );
          console.log(`${o.principal} signs in as ${done.username}; ${done.endedSessions} open session(s) ended`);
        } catch (e) {
          if (e instanceof CredentialRefusal) throw new AdminError(EXIT.refused, e.message);
          throw e;
        }
      }),
    );

  program
    .command('list-principals')
    .description('lists principals and their keys (never secrets)')
    .action(() =>
      ctx.withDb(async (db) => {
        for (const p of await listPrincipals(db)) {
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
      }),
    );

  program
    .command('create-key')
    .description('issues another key for a principal (rotation), printed once')
    .requiredOption('--principal <id>', 'the principal')
    .requiredOption('--name <name>', 'what the key is for')
    .action((o) =>
      ctx.withDb(async (db) => {
        if (!(await principalExists(db, o.principal))) throw notFound(`no principal ${o.principal}`);
        const { key, token } = await issueKey(db, o.principal, o.name);
        console.log(`key ${key.id} (shown once): ${token}`);
      }),
    );

  program
    .command('revoke-key')
    .description('revokes a key at once')
    .requiredOption('--key <id>', 'the key')
    .action((o) =>
      ctx.withDb(async (db) => {
        if (!(await revokeKey(db, o.key))) throw notFound(`no key ${o.key}`);
        console.log(`revoked ${o.key}`);
      }),
    );

  program
    .command('create-carrier')
    .description('registers a carrier (or renames it)')
    .requiredOption('--id <id>', 'letters, digits, - or _')
    .requiredOption('--name <name>', 'its name')
    .option('--kt1', 'its cases are KT1 (restricted)', false)
    .action((o) =>
      ctx.withDb(async (db) => {
        if (!/^[A-Za-z0-9_-]{1,32}$/.test(o.id)) throw invalid('--id: letters, digits, - or _ (at most 32)');
        await putCarrier(db, { id: o.id, name: o.name, kt1: o.kt1 });
        console.log(`carrier ${o.id} registered`);
      }),
    );

  program
    .command('new-payload-key')
    .description('prints a new key entry for PAYLOAD_CODEC_KEYS (put it first; keep the old ones after it)')
    .action(() => console.log(newCodecKeyEntry()));
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}
