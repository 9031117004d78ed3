import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';
import { operation, type Operation } from '../http/operation.js';

// Swagger UI's static assets from the pinned swagger-ui-dist package: served by us, so the docs
// work without internet. Only the files the page needs are reachable.
const ASSETS = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const SERVED = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png', 'favicon-16x16.png']);

const STYLE = 'body { margin: 0 } .topbar { display: none }';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Postwatch API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png" sizes="32x32">
  <style>${STYLE}</style>
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

// The page runs only its own scripts and loads only from here; its one inline style is allowed by hash.
// Swagger UI draws icons from data: URIs and fetches the document from this origin.
const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

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
  // the page and its assets (the page's operation is served after this router)
  r.use('/docs', (_req, res, next) => (res.setHeader('Content-Security-Policy', DOCS_CSP), next()));
  r.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT);
  });
  const assets = express.static(ASSETS, { index: false, fallthrough: true, maxAge: '1d' });
  r.use('/docs/assets', (req, res, next) => (SERVED.has(req.path.slice(1)) ? assets(req, res, next) : next()));
  return r;
}
