import { canAdminister } from '../../domain/access.js';
import { CredentialRefusal, setCredential } from '../../prisma/sessions.js';
import { allow, operation, type Operation } from '../http/operation.js';
import { problem } from '../http/problems.js';
import { PasswordBody, PasswordSetSchema } from '../schemas/console.js';

/** PUT /v1/principals/{id}/password: an administrator sets or resets a person's console sign-in. */
export const passwordOperations: Operation[] = [
  operation({
    method: 'put',
    path: '/v1/principals/{id}/password',
    operationId: 'setPassword',
    summary: 'Set or reset a person’s username and password (admin)',
    description: 'Every open session of that person ends. Carriers’ principals are systems and keep API keys (409).',
    tags: ['Principals'],
    access: allow(canAdminister, 'set passwords'),
    params: { id: { description: 'Principal id' } },
    body: { schema: PasswordBody, required: true, example: { username: 'nguyen.van.a', password: 'một câu mật khẩu dài' } },
    responses: { 200: { description: 'Set', schema: PasswordSetSchema } },
    problems: [400, 403, 404, 409, 413, 415],
    handler: async ({ params, body, req, res, deps: { db } }) => {
      try {
        const done = await setCredential(db, { principalId: params.id, ...body, setBy: req.actor.id });
        req.log.info({ event: 'password-set', target: params.id, endedSessions: done.endedSessions }, 'password set');
        res.json({ principalId: params.id, username: done.username, setAt: done.setAt.toISOString(), endedSessions: done.endedSessions });
      } catch (e) {
        if (!(e instanceof CredentialRefusal)) throw e;
        if (e.reason === 'UNKNOWN_PRINCIPAL') throw problem(404, 'not-found', 'Principal not found', `No principal ${params.id}.`);
        throw problem(409, 'conflict', e.reason === 'NOT_A_PERSON' ? 'Carriers sign in with keys' : 'Username taken', `${e.message}.`);
      }
    },
  }),
];
