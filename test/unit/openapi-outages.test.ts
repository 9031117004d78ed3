// Issue 14: the OpenAPI document tells clients what outages look like and how to retry safely —
// 503 with a required Retry-After on every operation, an optional Retry-After on 409
// (request-in-flight), and an Idempotency-Key required on intake and on every action.
import { describe, expect, it } from 'vitest';
import { apiDocument } from '../../api/operations.js';

type Json = Record<string, any>;
const doc: Json = apiDocument();
const operations = Object.entries(doc.paths as Json).flatMap(([path, item]) =>
  Object.entries(item as Json).map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, op: op as Json })),
);

describe('the document', () => {
  it('lists 503 on every operation', () => {
    expect(operations.length).toBeGreaterThan(40);
    for (const { where, op } of operations) expect(op.responses['503'], where).toEqual({ $ref: '#/components/responses/Problem503' });
  });

  it('gives 503 a required Retry-After and 409 an optional one', () => {
    const { Problem503, Problem409 } = doc.components.responses;
    expect(Problem503.headers['Retry-After']).toMatchObject({ required: true, schema: { type: 'integer', minimum: 1 } });
    expect(Problem503.description).toMatch(/Idempotency-Key/);
    expect(Problem409.headers['Retry-After']).toMatchObject({ required: false });
    expect(Problem409.description).toMatch(/30 s/);
  });

  it('requires an Idempotency-Key on intake and on every action', () => {
    const writes = operations.filter(({ where }) => where === 'POST /v1/cases' || /^POST \/v1\/cases\/\{id\}\/(?!history)/.test(where));
    expect(writes.length).toBeGreaterThan(15);
    for (const { where, op } of writes)
      expect(
        op.parameters.find((p: Json) => p.name === 'Idempotency-Key'),
        where,
      ).toMatchObject({ in: 'header', required: true });
  });
});
