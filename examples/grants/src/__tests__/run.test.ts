import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GrantsRun, ID, runGrants } from '../run.js';
import { NORTH } from '../script.js';

let run: GrantsRun;
beforeAll(async () => {
  run = await runGrants();
});
afterAll(() => run.close());

const line = (start: string) => run.lines.find((l) => l.startsWith(start)) ?? '';
const get = async (path: string) => {
  const response = await run.api.fetch(
    new Request(`http://grants.local${path}`, { headers: { 'x-actor': 'rina' } }),
  );
  return (await response.json()) as Record<string, unknown>;
};

describe('the community-grants call, end to end on PGlite through the HTTP API', () => {
  it('skips the optional information evening with a reason, and holds it in the north', async () => {
    expect(line('2027-03-01  rina     briefing')).toBe('2027-03-01  rina     briefing.skip');
    const schedule = (await get(`/instances/${ID}/schedule`)) as {
      status: Record<string, string>;
    };
    expect(schedule.status.briefing).toBe('skipped');
    const history = (await get(`/instances/${ID}/history`)) as {
      entries: { type: string; payload?: unknown }[];
    };
    expect(history.entries[0]).toMatchObject({
      type: 'briefing.skip',
      payload: { reason: 'The guidelines are the same as last year' },
    });
    const north = (await get(`/instances/${NORTH}/schedule`)) as {
      status: Record<string, string>;
    };
    expect(north.status.briefing).toBe('done');
  });

  it('closes the window by itself the morning after its published deadline', () => {
    expect(line('2027-04-01  timer')).toBe('2027-04-01  timer    records window.finish');
    expect(line('2027-04-04  dalia')).toContain('refused (HTTP 422, E4)');
  });

  it('checks eligibility when an application is created (E1, E2)', () => {
    expect(line('2027-03-03  avi')).toContain('refused (HTTP 422, E1)');
    expect(line('2027-03-08  dalia')).toContain('refused (HTTP 422, E2)');
  });

  it('decides only once both reviews are in, after the one resubmission', () => {
    expect(line('2027-03-10  council')).toContain('refused (HTTP 422, core.requires)');
    expect(line('2027-03-10  council')).toContain('"application.communityReview"');
    expect(line('2027-04-12  council  application.grant')).toBe(
      '2027-04-12  council  application.grant "garden"',
    );
  });

  it('expires the appeal window that was let pass, and only that one', async () => {
    const expired = run.lines.filter((l) => l.includes('appealExpired'));
    expect(expired).toEqual([
      '2027-04-27  timer    records application.appealExpired of "library"',
    ]);
    expect(line('2027-04-20  noa')).toContain('refused (HTTP 422, A1)');
    const history = (await get(`/instances/${ID}/history`)) as {
      entries: { type: string; item?: string; actor: { id: string } }[];
    };
    const byTimer = history.entries.filter((e) => e.actor.id === 'maslul.timer');
    expect(byTimer.map((e) => `${e.type} ${e.item ?? ''}`.trim())).toEqual([
      'window.finish',
      'application.appealExpired library',
      'application.escalate garden',
    ]);
  });

  it('escalates a missed monthly report ten working days after it fell overdue, once', () => {
    expect(run.lines.filter((l) => l.includes('escalate'))).toEqual([
      '2027-06-28  timer    records application.escalate of "garden"',
    ]);
    expect(
      run.lines.filter((l) => l.includes('application.report') && !l.includes('refused')).length,
    ).toBe(6);
  });

  it('leaves no pending deadline of the garden reports: all six are in', async () => {
    const instance = (await get(`/instances/${ID}`)) as { deadlines: { step: string }[] };
    expect(instance.deadlines.some((d) => d.step === 'garden.report')).toBe(false);
    const schedule = (await get(`/instances/${ID}/schedule`)) as {
      plan: { steps: Record<string, { recorded: { finish: boolean } }> };
    };
    expect(schedule.plan.steps['garden.report']?.recorded.finish).toBe(true);
    expect(schedule.plan.steps['choir.appeal']?.recorded.finish).toBe(true);
  });

  it('closes the call when every grant has reported, and refuses what comes after (HTTP 409)', async () => {
    expect(line('2027-10-20  rina')).toBe('2027-10-20  rina     run.close');
    expect(line('2027-10-21  noa')).toContain('refused (HTTP 409, core.ended)');
    const instance = (await get(`/instances/${ID}`)) as { deadlines: unknown[] };
    expect(instance.deadlines).toEqual([]);
  });

  it('cancels the northern call: no deadline of it fires, and nothing is taken after', async () => {
    expect(line('2027-03-15  rina')).toBe(`2027-03-15  rina     run.cancel [${NORTH}]`);
    expect(line('2027-03-16  avi')).toContain(`[${NORTH}] refused (HTTP 409, core.ended)`);
    const schedule = (await get(`/instances/${NORTH}/schedule`)) as {
      ended?: { status: string; reason: string; date: string; by: string };
    };
    expect(schedule.ended).toEqual({
      status: 'cancelled',
      reason: 'The council cut the budget',
      date: '2027-03-15',
      by: 'rina',
    });
    const history = (await get(`/instances/${NORTH}/history`)) as {
      entries: { type: string; actor: { id: string } }[];
    };
    // Its window would have closed by itself on 1 April: cancelled, it never does.
    expect(history.entries.map((e) => e.type)).toEqual([
      'briefing',
      'window.start',
      'application.create',
      'run.cancel',
    ]);
    const listed = (await get('/instances?status=cancelled')) as { instances: { id: string }[] };
    expect(listed.instances.map((i) => i.id)).toEqual([NORTH]);
  });
});
