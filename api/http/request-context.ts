import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../../platform/logger.js';

declare global {
  namespace Express {
    interface Request {
      id: string;
      log: Logger;
    }
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** A response closed before its last byte: the client gave up (or the connection broke). */
const aborted = (res: ServerResponse) => !res.writableEnded;

/**
 * Gives every request an id (the caller's X-Request-Id when sane), echoes it, and logs one line
 * per request through pino-http with its duration in `ms`: `request completed` (a 5xx at error),
 * or `request aborted` at warn when the client gave up before the answer, so hangs are counted too.
 */
export function requestContext(log: Logger): RequestHandler {
  return pinoHttp({
    logger: log,
    quietReqLogger: true, // req.log carries only reqId; the request line carries method, url and status
    customAttributeKeys: { reqId: 'reqId', responseTime: 'ms' },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (r: { method: string; url: string }) => ({ method: r.method, url: r.url }),
      res: (r: { statusCode: number }) => ({ statusCode: r.statusCode }),
    },
    customProps: (req) => {
      const actor = (req as { actor?: { id: string; role: string } }).actor;
      return actor ? { principal: actor.id, role: actor.role } : {};
    },
    customLogLevel: (_req, res, err) => (aborted(res) ? 'warn' : err || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (_req, res) => (aborted(res) ? 'request aborted' : 'request completed'),
    customErrorMessage: () => 'request failed',
  }) as unknown as RequestHandler;
}
