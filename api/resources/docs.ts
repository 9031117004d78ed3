import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';
import { operation, type Operation } from '../http/operation.js';

// Swagger UI's static assets from the pinned swagger-ui-dist package: served by us, so the docs
// work without internet. Only the files the page needs are reachable.
const ASSETS = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const SERVED = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png', 'favicon-16x16.png']);

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Postwatch API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png" sizes="32x32">
  <style>body { margin: 0 } .topbar { display: none }</style>
</head>
<body>
  <noscript>This page needs JavaScript; the document itself is at <a href="/v1/openapi.json">/v1/openapi.json</a>.</noscript>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

// validatorUrl: null — Swagger UI would otherwise send the document to validator.swagger.io
const INIT = `window.ui = SwaggerUIBundle({
  url: '/v1/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  persistAuthorization: false,
  tryItOutEnabled: false,
});
`;

/** GET /v1/openapi.json and GET /docs, the document browsable: no key needed. */
export const docsOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/v1/openapi.json',
    operationId: 'openapi',
    summary: 'This document',
    tags: ['Operations'],
    access: 'public',
    responses: { 200: { description: 'OpenAPI 3.1', schema: { type: 'object' } } },
    problems: [],
    handler: ({ res, deps }) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.json(deps.document());
    },
  }),
  operation({
    method: 'get',
    path: '/docs',
    operationId: 'docs',
    summary: 'This document, browsable (Swagger UI, served locally)',
    tags: ['Operations'],
    access: 'public',
    responses: { 200: { description: 'HTML', contentType: 'text/html', schema: { type: 'string' } } },
    problems: [],
    handler: ({ res }) => {
      res.type('html').setHeader('Cache-Control', 'no-cache');
      res.send(PAGE);
    },
  }),
];

/** What the docs page loads: its script and Swagger UI's assets (files, not operations of the API). */
export function docsAssets(): Router {
  const r = Router();
  r.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT);
  });
  const assets = express.static(ASSETS, { index: false, fallthrough: true, maxAge: '1d' });
  r.use('/docs/assets', (req, res, next) => (SERVED.has(req.path.slice(1)) ? assets(req, res, next) : next()));
  return r;
}
