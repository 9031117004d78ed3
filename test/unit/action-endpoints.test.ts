// Integrators read `allowedActions` in the workflow's names; each comes with the request that
// takes it (api/resources/action-endpoints.ts). Every endpoint's own row must send that action.
import { describe, expect, it } from 'vitest';
import { ACTION_KINDS } from '../../domain/case-actions.js';
import { carrier } from '../support/actors.js';
import { ACTION_TARGETS, actionLinks } from '../../api/resources/action-endpoints.js';
import { ACTION_ENDPOINTS, CASE_ACTIONS } from '../../api/resources/case-action-table.js';

describe('the request that takes each action', () => {
  // assignment looks the officer up in the database: test/e2e/assignment.test.ts takes it through the API
  const pure = Object.entries(ACTION_TARGETS).filter(([kind]) => kind !== 'assign');
  it.each(pure)('%s is what its endpoint sends', async (kind, { endpoint, body }) => {
    expect((await CASE_ACTIONS[endpoint].action({ ...body }, { actor: carrier, db: null as never })).kind).toBe(kind);
  });

  it('names an endpoint for every action but the workflow’s own, and reaches every endpoint', () => {
    expect(ACTION_KINDS.filter((k) => !(k in ACTION_TARGETS))).toEqual(['notify', 'close', 'expire']);
    expect([...new Set(Object.values(ACTION_TARGETS).map((t) => t.endpoint))].sort()).toEqual([...ACTION_ENDPOINTS].sort());
  });

  it('links each allowed action of a case, in order, and none of the workflow’s own', () => {
    expect(actionLinks('case:VNP:R-1', ['startVerification', 'notify', 'addNote'])).toEqual([
      { action: 'startVerification', method: 'POST', path: '/v1/cases/case:VNP:R-1/verification', body: { outcome: 'started' } },
      { action: 'addNote', method: 'POST', path: '/v1/cases/case:VNP:R-1/notes' },
    ]);
  });
});
