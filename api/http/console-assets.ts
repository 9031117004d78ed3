import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler } from 'express';
import { sendProblem } from './problems.js';

/** Where `npm run console:build` writes the console (git-ignored). */
export const CONSOLE_DIST = fileURLToPath(new URL('../../console/dist', import.meta.url));

/**
 * The console's pages and assets, served by the API itself at /console: the same origin as /v1,
 * so the session cookie can be SameSite=Strict and the CSP can say 'self' throughout. Hashed assets
 * are cached for a year; every other path under /console is the single page (its router decides).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** app.use('/console', consoleAssets()) */
export function consoleAssets(dir = CONSOLE_DIST): RequestHandler {
  const assets = express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false });
  let page: string | undefined; // index.html, read once it exists
  return (req, res, next) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    if (req.path.startsWith('/assets/')) {
      req.url = req.url.slice('/assets'.length);
      return assets(req, res, next);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.originalUrl === '/console') return res.redirect(301, '/console/');
    page ??= existsSync(join(dir, 'index.html')) ? readFileSync(join(dir, 'index.html'), 'utf8') : undefined;
    if (!page)
      return sendProblem(res, {
        status: 503,
        type: 'console-not-built',
        title: 'Console not built',
        detail: 'Run `npm run console:build` (npm start and npm test do it).',
      });
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(page);
  };
}
