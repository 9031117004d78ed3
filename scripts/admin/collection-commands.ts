import type { Command } from 'commander';
import { kebab, keyOf, type AnyCollection } from '../../api/resources/administered.js';
import { registryCodeSchema } from '../../api/schemas/registry.js';
import { changeLine, jsonBody, parsed, type AdminContext } from './context.js';
import { bodyOptions, field, flag, print, shown } from './reference-commands.js';

/** `carrier <id>` → `carrier`: the option's name, and its property on commander's options. */
const nameOf = (option: string) => option.split(' ')[0]!;

/**
 * The commands of an administered collection (api/resources/administered.ts): `put-…` with the
 * body of its PUT, `delete-…` where it has one, `list-…`; each change in the change log, as over the API.
 */
export function collectionCommands(program: Command, ctx: AdminContext, c: AnyCollection): void {
  const keyOptions = (cmd: Command) => Object.values(c.key).reduce((to, part) => to.requiredOption(`--${part.option}`, part.help), cmd);
  const keyFrom = (o: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(c.key).map(([k, part]) => {
        const name = nameOf(part.option);
        return [k, parsed(registryCodeSchema, o[name], flag(name))];
      }),
    );

  bodyOptions(keyOptions(program.command(`put-${kebab(c.noun)}`).description(c.cli.put))).action((o) =>
    ctx.withDb(async (db) => {
      const key = keyFrom(o);
      const input = parsed(c.body, jsonBody(o), field);
      console.log(
        changeLine(
          `${c.noun} ${keyOf(c, key)}`,
          await ctx.change(c.table, keyOf(c, key), () => c.put(db, ctx.operator, key, input)),
          shown,
        ),
      );
    }),
  );

  const remove = c.remove?.bind(c);
  if (c.cli.delete && remove)
    keyOptions(program.command(`delete-${kebab(c.noun)}`).description(c.cli.delete)).action((o) =>
      ctx.withDb(async (db) => {
        const key = keyFrom(o);
        const { change } = await ctx.change(c.table, keyOf(c, key), () => remove(db, ctx.operator, key));
        console.log(`${c.noun} ${keyOf(c, key)}: removed (change ${change?.id})`);
      }),
    );

  c.filters
    .reduce((cmd, f) => cmd.option(`--${f.option}`, f.help), program.command(`list-${kebab(c.plural)}`).description(c.cli.list))
    .action((o) =>
      ctx.withDb(async (db) => {
        const filter = Object.fromEntries(c.filters.flatMap((f) => (o[nameOf(f.option)] ? [[f.field, o[nameOf(f.option)]]] : [])));
        print(await c.list(db, filter), c.cli.line);
      }),
    );
}
