// Issue 13, acceptance 1: the OpenAPI document derived from the operation table (api/operations.ts)
// is equivalent to the one recorded before routes and their documentation became one declaration
// (test/fixtures/openapi/before.json): the same operations, parameters, bodies, responses and
// schemas. A deliberate change of the API re-records the fixture in the same commit:
//   npx tsx -e "import('./api/operations.js').then((m) => console.log(JSON.stringify(m.apiDocument(), null, 2)))" > test/fixtures/openapi/before.json
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiDocument } from '../../api/operations.js';

type Json = Record<string, any>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const before: Json = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/openapi/before.json'), 'utf8'));
const now: Json = apiDocument();

/** `METHOD /path` → the operation, for every operation of a document. */
const operationsOf = (doc: Json): Record<string, Json> =>
  Object.fromEntries(
    Object.entries(doc.paths as Json).flatMap(([path, item]) =>
      Object.entries(item as Json)
        .filter(([m]) => METHODS.includes(m))
        .map(([m, op]) => [`${m.toUpperCase()} ${path}`, op as Json]),
    ),
  );
const opsBefore = operationsOf(before);
const opsNow = operationsOf(now);

/** A schema by its component name when it is a reference, else the schema itself. */
const named = (schema: Json | undefined) => (schema?.$ref ? String(schema.$ref).replace('#/components/schemas/', '') : schema);
const contentOf = (content: Json | undefined) =>
  Object.fromEntries(Object.entries(content ?? {}).map(([type, c]) => [type, named((c as Json).schema)]));

describe('the generated OpenAPI document, against the one recorded before the operation table', () => {
  it('has the same operations, each with the same operationId', () => {
    expect(Object.keys(opsNow).sort()).toEqual(Object.keys(opsBefore).sort());
    for (const [where, op] of Object.entries(opsBefore)) expect(opsNow[where]?.operationId, where).toBe(op.operationId);
  });

  it('gives each operation the same parameters: name, in, required and schema', () => {
    const params = (op: Json | undefined) =>
      (op?.parameters ?? []).map((p: Json) => ({ name: p.name, in: p.in, required: p.required, schema: p.schema }));
    for (const [where, op] of Object.entries(opsBefore)) expect(params(opsNow[where]), where).toEqual(params(op));
  });

  it('gives each operation the same request body: whether required, content types and schema (by name)', () => {
    const body = (op: Json | undefined) =>
      op?.requestBody && { required: op.requestBody.required, content: contentOf(op.requestBody.content) };
    for (const [where, op] of Object.entries(opsBefore)) expect(body(opsNow[where]), where).toEqual(body(op));
  });

  it('gives each operation the same response statuses, content types and schemas (by name)', () => {
    const responses = (op: Json | undefined) =>
      Object.fromEntries(Object.entries((op?.responses ?? {}) as Json).map(([status, r]) => [status, r.$ref ?? contentOf(r.content)]));
    for (const [where, op] of Object.entries(opsBefore)) expect(responses(opsNow[where]), where).toEqual(responses(op));
  });

  it('has the same component schemas and problem responses', () => {
    expect(Object.keys(now.components.schemas).sort()).toEqual(Object.keys(before.components.schemas).sort());
    for (const [name, schema] of Object.entries(before.components.schemas as Json))
      expect(now.components.schemas[name], name).toEqual(schema);
    expect(now.components.responses).toEqual(before.components.responses);
    expect(now.components.securitySchemes).toEqual(before.components.securitySchemes);
  });
});
