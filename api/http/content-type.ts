import type { RequestHandler } from 'express';
import { problem } from './problems.js';

const hasBody = (h: { 'transfer-encoding'?: string; 'content-length'?: string }) =>
  h['transfer-encoding'] !== undefined || (h['content-length'] !== undefined && h['content-length'] !== '0');

/** A body that is not JSON is 415: otherwise it would go unread and the request be judged as if it had none. */
export const requireJson: RequestHandler = (req, _res, next) => {
  if (hasBody(req.headers) && !req.is('application/json'))
    throw problem(
      415,
      'unsupported-media-type',
      'Unsupported media type',
      `The body must be JSON (Content-Type: application/json), not ${req.get('content-type') ?? 'untyped'}.`,
    );
  next();
};
