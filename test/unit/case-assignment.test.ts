// Assignment (issue 16): within the lead agency, an officer takes the case or is given it; the
// change is an event of its own, and the officer given it is told.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.js';
import type { Assignee } from '../../domain/case-actions.js';
import { allowedActions } from '../../domain/case-states.js';
import { takeStep } from '../../domain/case-step.js';
import { principalAddress } from '../../domain/notice-access.js';
import {
  caseAt,
  carrier,
  deptOfficer,
  expectRefused,
  later,
  HOUR,
  qlttOfficer,
  qlttTeamLead,
  stateOf,
  system,
  TO_VERIFICATION,
} from './fixtures.js';

const person = (a: Actor, name: string): Assignee => ({ id: a.id, name, role: a.role, agencyId: a.agencyId ?? null });
const lead = person(qlttTeamLead, 'Trần Thị Bình');
const notified = caseAt([[{ kind: 'notify' }, system]]);
const acknowledged = caseAt(TO_VERIFICATION.slice(0, 4));

describe('assigning a case within its lead agency', () => {
  it('is open to the lead agency once it has acknowledged, and to nobody else', () => {
    expect(allowedActions(acknowledged.view, qlttOfficer, acknowledged.now)).toContain('assign');
    expect(allowedActions(acknowledged.view, deptOfficer, acknowledged.now)).not.toContain('assign');
    expect(allowedActions(notified.view, qlttOfficer, notified.now)).not.toContain('assign');
    const take = { kind: 'assign', assignee: person(qlttOfficer, 'An') } as const;
    expectRefused(notified.view, take, qlttOfficer, notified.now, 'NOT_ACKNOWLEDGED');
    expectRefused(
      acknowledged.view,
      { kind: 'assign', assignee: person(deptOfficer, 'D') },
      deptOfficer,
      acknowledged.now,
      'NOT_LEAD_AGENCY',
    );
    expectRefused(acknowledged.view, take, carrier, acknowledged.now, 'ROLE_NOT_ALLOWED');
  });

  it('records who handles the case, tells them, and refuses someone outside the lead agency', () => {
    const now = later(acknowledged.now, HOUR);
    const step = takeStep(stateOf(acknowledged.view), { kind: 'assign', assignee: lead }, qlttOfficer, now);
    if (!step.ok) expect.fail(step.reason);
    expect(step.state.view.assignee).toEqual({ id: lead.id, name: lead.name, at: now.toISOString(), by: qlttOfficer.id });
    expect(step.state.view.status).toBe(acknowledged.view.status);
    expect(step.write.event.type).toBe('ASSIGNED');
    expect(step.write.notices.map((n) => n.recipient)).toEqual([principalAddress(lead.id)]);
    const taken = takeStep(stateOf(acknowledged.view), { kind: 'assign', assignee: person(qlttOfficer, 'An') }, qlttOfficer, now);
    expect(taken.ok && taken.write.notices).toEqual([]); // one who takes the case is not told of it
    const assigned = step.state.view;
    expectRefused(assigned, { kind: 'assign', assignee: lead }, qlttOfficer, now, 'ALREADY_DONE');
    expectRefused(assigned, { kind: 'assign', assignee: person(deptOfficer, 'D') }, qlttOfficer, now, 'ASSIGNEE_NOT_IN_LEAD_AGENCY');
    expectRefused(assigned, { kind: 'assign', assignee: person(carrier, 'C') }, qlttOfficer, now, 'ASSIGNEE_NOT_IN_LEAD_AGENCY');
  });
});
