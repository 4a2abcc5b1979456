import { about, MaslulError } from '@maslul/timing';
import { rrule } from '@maslul/timing/rrule';
import { describe, expect, it } from 'vitest';
import { sample } from '../../test-programs/sample-program.js';
import { defineProgram } from '../define-program.js';
import { labelIn } from '../index.js';

const roles = { manager: { label: 'Manager' } } as const;

describe('defineProgram', () => {
  it('keeps tracks in order, each step after the previous one unless it says otherwise', () => {
    expect(sample.tracks.map((t) => [t.id, t.steps])).toEqual([
      ['strategy', ['scope', 'meeting1', 'mapping', 'teamMeetings']],
      ['pilot', ['hackathon', 'review']],
      ['convergence', ['decision']],
    ]);
    expect(sample.steps.mapping.after).toEqual(['meeting1']);
    expect(sample.steps.meeting1.after).toEqual([{ step: 'scope', lag: about(2, 'weeks') }]);
    expect(sample.steps.decision.after).toEqual(['teamMeetings', 'review']);
    expect(sample.steps.teamMeetings.count).toBe(4);
  });

  it('compiles the timing schedule with the same steps', () => {
    expect(sample.schedule.order).toEqual([
      'scope',
      'meeting1',
      'mapping',
      'hackathon',
      'teamMeetings',
      'review',
      'decision',
    ]);
    expect(sample.schedule.steps.mapping.kind).toBe('span');
    expect(sample.schedule.steps.teamMeetings.kind).toBe('series');
  });

  it('refuses ids that cannot name states and events, read as plain strings (the types refuse the literals)', () => {
    const id: string = 'S6.social';
    expect(() =>
      defineProgram('demo', { version: 1, label: 'Demo' })
        .roles(roles)
        .track('main', 'Main', (t) => t.milestone(id, { label: 'x', by: ['manager'] }))
        .build(),
    ).toThrow(expect.objectContaining({ code: 'invalid-id', path: ['steps', 'S6.social'] }));
  });

  it('refuses unknown roles and duplicate steps from untyped input, naming them', () => {
    const build = () =>
      defineProgram('demo', { version: 1, label: 'Demo' })
        .roles(roles)
        .track('main', 'Main', (t) =>
          t
            .milestone('a', { label: 'A', by: ['mayor' as 'manager'] })
            .milestone('b' as 'a' & 'b', { label: 'B', by: ['manager'] })
            .milestone('b' as never, { label: 'B', by: ['manager'] }),
        )
        .build();
    let error: unknown;
    try {
      build();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MaslulError);
    expect((error as MaslulError).issues.map((i) => [i.code, i.step])).toEqual([
      ['unknown-role', 'a'],
      ['duplicate-step', 'b'],
    ]);
  });

  it('refuses a bare lag on the first step of a track, and a program with no tracks', () => {
    expect(() =>
      defineProgram('demo', { version: 1, label: 'Demo' })
        .roles(roles)
        .track('main', 'Main', (t) =>
          t.milestone('a', { label: 'A', by: ['manager'], after: about(1, 'weeks') }),
        )
        .build(),
    ).toThrow(expect.objectContaining({ code: 'no-previous-step' }));
    expect(() => defineProgram('demo', { version: 1, label: 'Demo' }).build()).toThrow(
      expect.objectContaining({ code: 'empty-program' }),
    );
  });

  it('refuses a join on a later step of its own track: a cycle, named by the timing model', () => {
    expect(() =>
      defineProgram('demo', { version: 1, label: 'Demo' })
        .roles(roles)
        .track('main', 'Main', (t) =>
          t
            .milestone('a', { label: 'A', by: ['manager'], after: 'b' as never })
            .milestone('b', { label: 'B', by: ['manager'] }),
        )
        .build(),
    ).toThrow(expect.objectContaining({ code: 'cycle', message: expect.stringContaining('"a"') }));
  });
});

describe('defineProgram target', () => {
  const build = (target?: readonly ['report' | 'board', ...('report' | 'board')[]]) => {
    const builder = defineProgram('ends', { version: 1, label: 'Ends' })
      .roles(roles)
      .track('main', 'Main', (t) =>
        t.milestone('kickoff', { label: 'Kickoff', by: ['manager'] }).milestone('report', {
          label: 'Report',
          by: ['manager'],
          after: { step: 'kickoff', lag: about(2, 'months') },
        }),
      )
      .track('governance', 'Governance', (t) =>
        t.series('board', {
          label: 'Board',
          by: ['manager'],
          after: 'kickoff',
          repeat: { every: 'P3M', count: 4 },
        }),
      );
    return (target ? builder.target(...target) : builder).build();
  };

  it('makes the plan measure slack and the critical path to the steps it names', async () => {
    const { createInstance } = await import('../instance.js');
    const { createManualClock } = await import('../clock.js');
    const planOf = (program: ReturnType<typeof build>) =>
      createInstance(program, {
        start: '2027-01-04',
        clock: createManualClock('2027-01-04T08:00:00Z'),
      }).schedule().plan;
    // Without a target the board series ends last: the report has slack and is not critical.
    const series = planOf(build());
    expect(series.targets).toEqual(['board']);
    expect(series.steps.report.critical).toBe(false);
    const ended = planOf(build(['report']));
    expect(build(['report']).target).toEqual(['report']);
    expect(ended.targets).toEqual(['report']);
    expect([ended.steps.kickoff.critical, ended.steps.report.critical]).toEqual([true, true]);
    expect(ended.steps.report.slack).toBe(0);
  });

  it('refuses a target that is not a step (untyped input), naming it', () => {
    const builder = defineProgram('ends', { version: 1, label: 'Ends' })
      .roles(roles)
      .track('main', 'Main', (t) => t.milestone('kickoff', { label: 'Kickoff', by: ['manager'] }));
    // @ts-expect-error: 'closing' is not a step of the program
    expect(() => builder.target('closing').build()).toThrow(
      expect.objectContaining({
        code: 'unknown-step',
        path: ['target', 0],
        issues: [expect.objectContaining({ step: 'closing' })],
      }),
    );
  });
  it('reads the count of an rrule() series from its COUNT, and refuses one that ends by UNTIL only', () => {
    const build = (text: string) =>
      defineProgram('ends', { version: 1, label: 'Ends' })
        .roles(roles)
        .track('main', 'Main', (t) =>
          t.series('board', { label: 'Board', by: ['manager'], repeat: rrule(text) }),
        )
        .build();
    expect(build('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1;COUNT=3').steps.board.count).toBe(3);
    expect(() => build('FREQ=WEEKLY;UNTIL=20270301T000000Z')).toThrow(
      expect.objectContaining({
        code: 'unbounded-series',
        issues: [expect.objectContaining({ path: ['steps', 'board', 'repeat'] })],
      }),
    );
  });
});

describe('defineProgram items', () => {
  it('refuses an item state no event leads to, and events naming unknown states, read as plain strings (the types refuse the literals)', () => {
    const states: readonly [string, ...string[]] = ['open', 'closed', 'archived'];
    const build = (to: 'closed' | 'gone') =>
      defineProgram('demo', { version: 1, label: 'Demo' })
        .roles(roles)
        .track('main', 'Main', (t) => t.milestone('a', { label: 'A', by: ['manager'] }))
        .item('action', { label: 'Action', states, create: { by: ['manager'] } }, (item) =>
          item.event('close', {
            label: 'Close',
            by: ['manager'],
            from: ['open'],
            to,
          }),
        )
        .build();
    expect(() => build('closed')).toThrow(
      expect.objectContaining({
        code: 'unreachable-state',
        message: expect.stringContaining('"archived"'),
      }),
    );
    expect(() => build('gone')).toThrow(expect.objectContaining({ code: 'unknown-state' }));
  });
});

describe('labelIn', () => {
  it('picks the locale, then English, then any', () => {
    expect(labelIn({ en: 'Review', he: 'סקירה' }, 'he')).toBe('סקירה');
    expect(labelIn({ en: 'Review' }, 'ar')).toBe('Review');
    expect(labelIn({ he: 'סקירה' }, 'ar')).toBe('סקירה');
    expect(labelIn('Review', 'he')).toBe('Review');
  });
});
