import type { Command } from 'commander';
import { createAgency, patchAgency } from '../../prisma/reference/agencies.js';
import { deleteCalendarDay, putCalendarDay } from '../../prisma/reference/calendar.js';
import { listReferenceChanges } from '../../prisma/reference/change-log.js';
import { patchDeadlinePolicy } from '../../prisma/reference/deadline-policies.js';
import { putAuthorityCap, putFineRule } from '../../prisma/reference/fines.js';
import { listAgencies, listCalendarDays } from '../../prisma/reference/reads.js';
import {
  AUTHORITY_CAPS,
  CATEGORIES,
  DEADLINE_POLICIES,
  FINE_SCHEDULE,
  type AnyReferenceList,
} from '../../api/resources/reference-lists.js';
import {
  AgencyBody,
  AgencyListQuery,
  AgencyPatchBody,
  AuthorityCapBody,
  calendarDateSchema,
  DeadlinePolicyPatchBody,
  FineRuleBody,
  HolidayBody,
  HolidayListQuery,
  referenceIdSchema,
  ReferenceChangeListQuery,
} from '../../api/schemas/reference.js';
import { changeLine, jsonBody, parsed, REACHES_RUNNING_CASES, type AdminContext } from './context.js';

export const flag = (name: string) => (path: string) => `--${path || name}`;
export const field = (path: string) => `--json ${path || 'body'}`;
export const shown = (row: unknown) => (row === null ? 'none' : JSON.stringify(row));
export const bodyOptions = (c: Command) =>
  c.option('--json <text>', 'the body, as the API takes it').option('--file <path>', 'the body, from a JSON file');
export const print = (rows: readonly unknown[], line: (row: never) => string) => {
  for (const r of rows) console.log(line(r as never));
  if (rows.length === 0) console.log('(none)');
};

/** `list-…` of a reference table every role reads whole. */
const listCommand = (program: Command, ctx: AdminContext, r: AnyReferenceList) =>
  program
    .command(r.command)
    .description(r.description)
    .action(() => ctx.withDb(async (db) => print(await r.list(db), r.line)));

/**
 * Every reference table the API administers, with the API's own validation and change log:
 * the calendar, the deadline table, the fine schedule, the authority caps, the agencies, the
 * item categories (read only) and the change log.
 */
export function referenceCommands(program: Command, ctx: AdminContext): void {
  const date = (v: unknown) => parsed(calendarDateSchema, v, flag('date'));
  const id = (v: unknown, name = 'id') => parsed(referenceIdSchema, v, flag(name));

  program
    .command('set-holiday')
    .description('adds or corrects a day of the working-day calendar')
    .requiredOption('--date <YYYY-MM-DD>', 'the day')
    .requiredOption('--name <name>', 'what it is, e.g. "Tết Nguyên đán"')
    .option('--kind <kind>', 'HOLIDAY (a day off) or MAKE_UP_WORKDAY (a Saturday worked)', 'HOLIDAY')
    .action((o) =>
      ctx.withDb(async (db) => {
        const day = date(o.date);
        const input = parsed(HolidayBody, { name: o.name, kind: o.kind }, flag(''));
        const outcome = await ctx.change('Holiday', day, () => putCalendarDay(db, ctx.operator, day, input));
        console.log(changeLine(day, outcome, (d) => (d ? `${d.kind} "${d.name}"` : 'none'), REACHES_RUNNING_CASES));
      }),
    );

  program
    .command('delete-holiday')
    .description('removes a day from the calendar')
    .requiredOption('--date <YYYY-MM-DD>', 'the day')
    .action((o) =>
      ctx.withDb(async (db) => {
        const day = date(o.date);
        const { change } = await ctx.change('Holiday', day, () => deleteCalendarDay(db, ctx.operator, day));
        console.log(`${day}: removed from the calendar (change ${change?.id}; ${REACHES_RUNNING_CASES})`);
      }),
    );

  program
    .command('list-holidays')
    .description('lists the calendar')
    .option('--year <YYYY>', 'only this year')
    .action((o) =>
      ctx.withDb(async (db) => {
        const { year } = parsed(HolidayListQuery, { year: o.year }, flag('year'));
        print(
          await listCalendarDays(db, year),
          (d: { date: string; kind: string; name: string }) => `${d.date}  ${d.kind.padEnd(15)} ${d.name}`,
        );
      }),
    );

  listCommand(program, ctx, DEADLINE_POLICIES);

  bodyOptions(
    program
      .command('set-deadline-policy')
      .description('changes a clock of the deadline table (the fields of PATCH /v1/reference/deadline-policies/{clock})')
      .requiredOption('--clock <CLOCK>', 'e.g. VERIFICATION'),
  ).action((o) =>
    ctx.withDb(async (db) => {
      const patch = parsed(DeadlinePolicyPatchBody, jsonBody(o), field);
      const outcome = await ctx.change('DeadlinePolicy', o.clock, () => patchDeadlinePolicy(db, ctx.operator, o.clock, patch));
      console.log(changeLine(`clock ${o.clock}`, outcome, shown));
    }),
  );

  listCommand(program, ctx, FINE_SCHEDULE);

  bodyOptions(
    program
      .command('put-fine-rule')
      .description('adds or replaces a fine rule (the body of PUT /v1/reference/fine-schedule/{id})')
      .requiredOption('--id <id>', 'the rule'),
  ).action((o) =>
    ctx.withDb(async (db) => {
      const key = id(o.id);
      const input = parsed(FineRuleBody, jsonBody(o), field);
      console.log(
        changeLine(`fine rule ${key}`, await ctx.change('FineSchedule', key, () => putFineRule(db, ctx.operator, key, input)), shown),
      );
    }),
  );

  listCommand(program, ctx, AUTHORITY_CAPS);

  bodyOptions(
    program
      .command('put-authority-cap')
      .description('adds or replaces an authority cap (the body of PUT /v1/reference/authority-caps/{id})')
      .requiredOption('--id <id>', 'the cap'),
  ).action((o) =>
    ctx.withDb(async (db) => {
      const key = id(o.id);
      const input = parsed(AuthorityCapBody, jsonBody(o), field);
      const outcome = await ctx.change('AuthorityCap', key, () => putAuthorityCap(db, ctx.operator, key, input));
      console.log(changeLine(`authority cap ${key}`, outcome, shown));
    }),
  );

  program
    .command('list-agencies')
    .description('lists the agencies')
    .option('--province <code>', 'only this province')
    .option('--kind <kind>', 'only this kind')
    .option('--valid-on <YYYY-MM-DD>', 'only agencies valid that day')
    .action((o) =>
      ctx.withDb(async (db) => {
        const q = parsed(
          AgencyListQuery,
          { province: o.province, kind: o.kind, validOn: o.validOn },
          (p) => `--${p === 'validOn' ? 'valid-on' : p}`,
        );
        print(
          await listAgencies(db, { provinceCode: q.province, kind: q.kind, validOn: q.validOn }),
          (a: { id: string; kind: string; provinceCode: string | null; name: string; validFrom: string; validTo: string | null }) =>
            `${a.id.padEnd(16)} ${a.kind.padEnd(12)} ${(a.provinceCode ?? '—').padEnd(4)} ${a.validFrom}…${a.validTo ?? ''}  ${a.name}`,
        );
      }),
    );

  bodyOptions(program.command('create-agency').description('adds an agency (the body of POST /v1/reference/agencies)')).action((o) =>
    ctx.withDb(async (db) => {
      const input = parsed(AgencyBody, jsonBody(o), field);
      console.log(
        changeLine(`agency ${input.id}`, await ctx.change('Agency', input.id, () => createAgency(db, ctx.operator, input)), shown),
      );
    }),
  );

  bodyOptions(
    program
      .command('patch-agency')
      .description('renames or closes an agency (the body of PATCH /v1/reference/agencies/{id}: validTo, name, nameEn)')
      .requiredOption('--id <id>', 'the agency'),
  ).action((o) =>
    ctx.withDb(async (db) => {
      const patch = parsed(AgencyPatchBody, jsonBody(o), field);
      console.log(changeLine(`agency ${o.id}`, await ctx.change('Agency', o.id, () => patchAgency(db, ctx.operator, o.id, patch)), shown));
    }),
  );

  listCommand(program, ctx, CATEGORIES);

  program
    .command('list-changes')
    .description('lists the reference change log, newest first')
    .option('--table <table>', 'Holiday | DeadlinePolicy | FineSchedule | AuthorityCap | Agency')
    .option('--key <key>', "a row's key: a date, a clock or an id")
    .option('--limit <n>', 'how many', '50')
    .action((o) =>
      ctx.withDb(async (db) => {
        const q = parsed(ReferenceChangeListQuery, { table: o.table, key: o.key, limit: o.limit }, flag(''));
        const { items, more } = await listReferenceChanges(db, q);
        print(
          items,
          (c: { id: number; at: string; actorId: string; table: string; key: string }) =>
            `${c.id}  ${c.at}  ${c.actorId}  ${c.table} ${c.key}`,
        );
        if (more) console.log(`(more: --limit ${q.limit * 2})`);
      }),
    );
}
