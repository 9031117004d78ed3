// Acceptance: the OpenAPI 3.1 document is generated from the zod schemas, is valid, documents every
// route the app serves with RFC 9457 problem responses, is served without a key, and /docs
// renders it from locally served assets.
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Express } from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ENDPOINTS } from '../../api/resources/case-action-table.js';
import { createApp } from '../../api/app.js';
import { CaseResourceSchema } from '../../api/schemas/responses.js';
import { CaseListQuery, HistoryQuery } from '../../api/schemas/requests.js';
import { createLogger } from '../../platform/logger.js';
import { apiHarness, call, detectionBody } from '../support/api.js';

type Json = Record<string, any>;
let h: Awaited<ReturnType<typeof apiHarness>>;
let doc: Json;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

beforeAll(async () => {
  h = await apiHarness();
  const res = await call(h.base, null, 'GET', '/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});

/** Every route the Express app serves, as `METHOD /path/{param}`, read from its router stack. */
function servedRoutes(app: Express): string[] {
  const out: string[] = [];
  const walk = (stack: any[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const m of Object.keys(layer.route.methods))
          out.push(`${m.toUpperCase()} ${String(layer.route.path).replace(/:(\w+)/g, '{$1}')}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as any).router.stack);
  return out;
}

describe('the document', () => {
  it('is served without a key, as valid OpenAPI 3.1', async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route the app serves, and only those', () => {
    const app = createApp({
      db: h.db,
      temporal: { connection: h.temporal.connection, client: h.temporal.client },
      taskQueue: h.temporal.taskQueue,
      log: createLogger('silent'),
    });
    const served = servedRoutes(app)
      .filter((r) => r !== 'GET /docs/init.js')
      .sort(); // the docs page's script
    const documented = Object.entries(doc.paths as Json)
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((m) => METHODS.includes(m))
          .map((m) => `${m.toUpperCase()} ${path}`),
      )
      .sort();
    expect(documented).toEqual(served);
    const ids = Object.values(doc.paths as Json).flatMap((item) => Object.values(item as Json).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has a bearer security scheme; only the operational routes are public', () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    for (const [path, item] of Object.entries(doc.paths as Json))
      for (const op of Object.values(item as Json)) {
        // signing in is how a person gets a session: it cannot ask for one
        if (path.startsWith('/v1/') && path !== '/v1/openapi.json' && op.operationId !== 'signIn')
          expect(op.security, path).toBeUndefined();
        else expect(op.security, path).toEqual([]);
      }
  });

  it('gives every operation a success response and RFC 9457 problems for what it can answer', () => {
    const problem = doc.components.schemas.Problem;
    expect(problem.required).toEqual(['type', 'title', 'status']);
    for (const field of ['type', 'title', 'status', 'detail', 'instance', 'errors', 'code', 'allowedActions'])
      expect(problem.properties).toHaveProperty(field);
    for (const [status, r] of Object.entries(doc.components.responses as Json)) {
      expect(status).toMatch(/^Problem[45]\d\d$/);
      expect(r.content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    }
    expect(doc.components.responses.Problem429.headers['Retry-After'].required).toBe(true);
    for (const [path, item] of Object.entries(doc.paths as Json))
      for (const [method, op] of Object.entries(item as Json)) {
        const codes = Object.keys(op.responses);
        const where = `${method.toUpperCase()} ${path}`;
        expect(
          codes.some((c) => /^2\d\d$/.test(c)),
          where,
        ).toBe(true);
        expect(codes, where).toContain('500');
        if (!op.security) expect(codes, where).toEqual(expect.arrayContaining(['401', '429']));
        for (const c of codes.filter((c) => /^[45]/.test(c)))
          expect(op.responses[c], where).toEqual({ $ref: `#/components/responses/Problem${c}` });
        if (op.requestBody) expect(codes, where).toEqual(expect.arrayContaining(['400', '413']));
      }
  });

  it('has one operation per action endpoint, with its body schema, 403 and 409, and a required Idempotency-Key', () => {
    for (const endpoint of ACTION_ENDPOINTS) {
      const op = doc.paths[`/v1/cases/{id}/${endpoint}`]?.post;
      expect(op, endpoint).toBeDefined();
      expect(op.requestBody.content['application/json'].schema).toBeTypeOf('object');
      expect(op.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Case' });
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['403', '404', '409']));
      expect(op.parameters.find((p: Json) => p.name === 'Idempotency-Key')).toMatchObject({ in: 'header', required: true });
    }
  });

  it('documents intake with a required Idempotency-Key, the list with every query parameter, history with format and source', () => {
    const intake = doc.paths['/v1/cases'].post;
    expect(intake.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }));
    expect(intake.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Detection' });
    expect(doc.components.schemas.Detection.required).toEqual(expect.arrayContaining(['carrierRef', 'trackingNumber', 'categoryCode']));
    const list = doc.paths['/v1/cases'].get.parameters.map((p: Json) => p.name);
    expect(list.sort()).toEqual(Object.keys(CaseListQuery.shape).sort());
    const history = doc.paths['/v1/cases/{id}/history'].get;
    expect(history.parameters.map((p: Json) => p.name)).toEqual(expect.arrayContaining([...Object.keys(HistoryQuery.shape), 'id']));
    expect(Object.keys(history.responses['200'].content)).toEqual(['application/json', 'text/csv']);
    expect(doc.paths['/v1/cases/{id}'].get.responses['200'].content['application/json'].schema.anyOf).toHaveLength(2);
  });

  it('describes the case exactly as the API returns it', async () => {
    const carrier = await h.principal({ name: 'VNPost', role: 'carrier', carrierId: 'VNP' });
    const open = await call(h.base, carrier.token, 'POST', '/v1/cases', detectionBody('OAS-1'), { 'idempotency-key': 'openapi-case-1' });
    expect(open.status).toBe(201);
    const detail = await call(h.base, carrier.token, 'GET', `/v1/cases/${open.body.id}`);
    expect(CaseResourceSchema.safeParse(detail.body).error).toBeUndefined();
    // every property but the licence finding (only a case against an unlicensed carrier has one; VNP holds a
    // licence), `incident`, which managers and administrators see only while one holds the case, and
    // `origin`, which only a case an agency opened has (test/e2e/agency-cases.test.ts)
    const absentHere = ['licenceFinding', 'incident', 'origin'];
    expect(Object.keys(detail.body).sort()).toEqual(
      Object.keys(doc.components.schemas.Case.properties)
        .filter((k) => !absentHere.includes(k))
        .sort(),
    );
    expect(doc.components.schemas.Case.additionalProperties).toBe(false);
  });
});

describe('the docs page', () => {
  it('serves /docs as HTML that loads Swagger UI from this server, without a key', async () => {
    const page = await fetch(`${h.base}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('swagger-ui');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.every((a) => a.startsWith('/'))).toBe(true); // nothing from a CDN
    for (const a of assets) expect((await fetch(h.base + a)).status, a).toBe(200);
    const init = await (await fetch(`${h.base}/docs/init.js`)).text();
    expect(init).toContain("url: '/v1/openapi.json'");
    expect(init).toContain('validatorUrl: null');
    expect((await fetch(`${h.base}/docs/assets/index.html`)).status).toBe(404);
  });
});
