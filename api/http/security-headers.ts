import type { RequestHandler } from 'express';

/**
 * What every answer says to browsers about itself: never sniff another content type, never be
 * framed, send no referrer, and (for the JSON the API answers) load nothing at all. The docs page
 * sets its own Content-Security-Policy (api/resources/docs.ts).
 */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  next();
};

/** Answers for a caller's key hold that caller's data: no cache, shared or private, may keep them. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
