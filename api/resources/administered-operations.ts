import { registryCodeSchema } from '../schemas/registry.js';
import { location, operation, type Operation, type Permission, type Reply } from '../http/operation.js';
import { kebab, keyOf, pascal, type AnyCollection, type Change } from './administered.js';
import { applied } from './reference.js';

/** What the collections of one register share: who reads, who changes, and the note on every change. */
export interface Register {
  read: Permission;
  admin: Permission;
  tags: string[];
  /** Starts the description of every change. */
  note: string;
}

const upserted = (schema: Reply['schema'], what: string): Record<number, Reply> => ({
  200: { description: `The ${what} after the change (replaced, or unchanged)`, schema },
  201: { description: `The ${what}, created`, schema, headers: location(`The ${what}`) },
});

/** The list, put and (where it has one) delete operations of a collection. */
export function collectionOperations(c: AnyCollection, { read, admin, tags, note }: Register): Operation[] {
  const base = `/v1/reference/${kebab(c.plural)}`;
  const path = `${base}/${Object.keys(c.key)
    .map((k) => `{${k}}`)
    .join('/')}`;
  const params = Object.fromEntries(
    Object.entries(c.key).map(([name, part]) => [name, { description: part.description, schema: registryCodeSchema }]),
  );
  /** What a put and a delete share: the row's path and key, administrators only, the note. */
  const changing = (verb: 'put' | 'delete', { summary, note: more }: Change) => ({
    path,
    operationId: `${verb}${pascal(c.noun)}`,
    summary,
    description: more ? `${note} ${more}` : note,
    tags,
    access: admin,
    params,
  });
  const ops = [
    operation({
      method: 'get',
      path: base,
      operationId: `list${pascal(c.plural)}`,
      summary: c.api.list.summary,
      tags,
      access: read,
      query: c.query,
      responses: { 200: { description: c.api.list.answer, schema: c.rows } },
      problems: [400],
      handler: async ({ query, res, deps }) => {
        res.json({ items: await c.list(deps.db, query) });
      },
    }),
    operation({
      method: 'put',
      ...changing('put', c.api.put),
      body: { schema: c.body, required: true, example: c.api.put.example },
      responses: upserted(c.row, c.noun),
      problems: [400, 403, 404, 409, 413, 415, 422],
      handler: async ({ params: key, body, req, res, deps }) =>
        applied(
          req,
          res,
          c.table,
          keyOf(c, key),
          () => c.put(deps.db, req.actor.id, key, body),
          () => `${base}/${keyOf(c, key)}`,
        ),
    }),
  ];
  const remove = c.remove?.bind(c);
  if (c.api.delete && remove)
    ops.push(
      operation({
        method: 'delete',
        ...changing('delete', c.api.delete),
        responses: { 204: { description: 'Removed' } },
        problems: [400, 403, 404],
        handler: async ({ params: key, req, res, deps }) =>
          applied(req, res, c.table, keyOf(c, key), () => remove(deps.db, req.actor.id, key)),
      }),
    );
  return ops;
}
