import { describe, expect, it } from 'vitest';
import { about } from '../duration.js';
import { MaslulError, TimingError } from '../errors.js';
import { rrule } from '../rrule/index.js';
import { defineSchedule, type ScheduleDefinition } from '../schedule.js';

/** Untyped input, as it arrives from JSON: the compile-time checks cannot help here. */
function fromJson(json: string) {
  return defineSchedule(JSON.parse(json) as ScheduleDefinition);
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function issuesOf(run: () => unknown): TimingError['issues'] {
  const error = caught(run);
  if (error instanceof TimingError) return error.issues;
  throw error;
}

describe('defineSchedule', () => {
  it('orders steps so each comes after what it waits for', () => {
    const schedule = defineSchedule({
      review: { after: ['plan', 'pilot'] },
      pilot: { after: { step: 'kickoff', lag: about(1, 'months') } },
      plan: { after: 'kickoff', duration: about(3, 'months') },
      kickoff: {},
    });
    expect(schedule.order).toEqual(['kickoff', 'pilot', 'plan', 'review']);
    expect(schedule.steps.plan.kind).toBe('span');
    expect(schedule.steps.review.after.map((r) => r.step)).toEqual(['plan', 'pilot']);
    expect(schedule.steps.pilot.after[0]).toMatchObject({
      type: 'finish-to-start',
      lag: about(1, 'months'),
    });
  });

  it('reads start-to-start relations and series', () => {
    const schedule = defineSchedule({
      mapping: { duration: 'P3M' },
      outreach: { after: { step: 'mapping', from: 'start', lag: 'P1W' } },
      meetings: { after: 'mapping', repeat: { every: 'P2W', count: 4 } },
    });
    expect(schedule.steps.outreach.after[0]?.type).toBe('start-to-start');
    expect(schedule.steps.meetings.kind).toBe('series');
    expect(schedule.steps.meetings.repeat?.rrule).toBe('FREQ=WEEKLY;INTERVAL=2;COUNT=4');
    expect(schedule.steps.mapping.label).toBe('mapping');
  });

  it('names the steps of a cycle', () => {
    const error = caught(() =>
      fromJson('{"S3":{"after":"S5"},"S4":{"after":"S3"},"S5":{"after":"S4"},"S0":{}}'),
    );
    expect(error).toBeInstanceOf(TimingError);
    expect(error).toBeInstanceOf(MaslulError);
    expect(error).toMatchObject({ code: 'cycle', rule: 'timing.no-cycle' });
    expect((error as Error).message).toMatch(/Steps "S\d" -> "S\d" -> "S\d" -> "S\d" form a cycle/);
    for (const id of ['S3', 'S4', 'S5']) expect((error as Error).message).toContain(`"${id}"`);
  });

  it('calls a step that waits for itself a cycle', () => {
    expect(() => fromJson('{"a":{"after":"a"}}')).toThrow(/Steps "a" -> "a" form a cycle/);
  });

  it('names an unknown step and the field that refers to it', () => {
    const [issue] = issuesOf(() =>
      fromJson('{"S3":{},"S4":{"after":[{"step":"S3x","lag":"P2W"}]}}'),
    );
    expect(issue).toEqual({
      code: 'unknown-step',
      path: ['steps', 'S4', 'after', 0, 'step'],
      rule: 'timing.known-reference',
      step: 'S4',
      message:
        'Step "S4" waits for "S3x", which is not a step of this schedule. Known steps: "S3".',
    });
  });

  it('reports bad durations with the step and the path', () => {
    const issues = issuesOf(() =>
      fromJson(
        '{"a":{},"b":{"after":{"step":"a","lag":"two weeks"}},"c":{"after":"a","duration":"-P1M"}}',
      ),
    );
    expect(issues).toMatchObject([
      { code: 'invalid-duration', step: 'b', path: ['steps', 'b', 'after', 'lag'] },
      { code: 'negative-duration', step: 'c', path: ['steps', 'c', 'duration'] },
    ]);
  });

  it('says how many more issues there are on a line of its own', () => {
    const error = caught(() =>
      fromJson(
        '{"a":{},"b":{"after":{"step":"a","lag":"two weeks"}},"c":{"after":"a","duration":"-P1M"}}',
      ),
    ) as TimingError;
    const [first] = error.message.split('\n');
    expect(first).toBe(error.issues[0]?.message);
    expect(error.message.endsWith('\n(1 more issue in .issues)')).toBe(true);
  });

  it('refuses a series without an end', () => {
    expect(() => defineSchedule({ a: { repeat: rrule('FREQ=WEEKLY;INTERVAL=2') } })).toThrow(
      expect.objectContaining({ code: 'unbounded-series', rule: 'timing.series-ends', step: 'a' }),
    );
    expect(() => fromJson('{"a":{"repeat":{"every":"P2W","count":0}}}')).toThrow(
      expect.objectContaining({
        code: 'unbounded-series',
        path: ['steps', 'a', 'repeat', 'count'],
      }),
    );
  });

  it('refuses recurrences it cannot plan', () => {
    for (const text of [
      'FREQ=HOURLY;COUNT=3',
      'DTSTART:20270101T000000Z\nRRULE:FREQ=DAILY;COUNT=3',
      'NOT A RULE',
    ]) {
      expect(() => defineSchedule({ a: { repeat: rrule(text) } }), text).toThrow(
        expect.objectContaining({
          code: 'invalid-recurrence',
          step: 'a',
          path: ['steps', 'a', 'repeat'],
          message: expect.stringContaining(`Step "a" has recurrence ${JSON.stringify(text)}`),
        }),
      );
    }
    for (const repeat of [
      '{"every":"P1W2D","count":3}',
      '{"every":"PT2H","count":3}',
      '{"rrule":"FREQ=DAILY;COUNT=3"}',
      '42',
    ]) {
      expect(() => fromJson(`{"a":{"repeat":${repeat}}}`), repeat).toThrow(
        expect.objectContaining({ code: 'invalid-recurrence', step: 'a' }),
      );
    }
  });

  it('reads RRULE text only through rrule() of @maslul/timing/rrule, and says so', () => {
    const error = caught(() => fromJson('{"a":{"repeat":"FREQ=WEEKLY;COUNT=4"}}'));
    expect(error).toMatchObject({
      code: 'invalid-recurrence',
      rule: 'timing.recurrence',
      step: 'a',
      path: ['steps', 'a', 'repeat'],
    });
    expect((error as TimingError).message).toBe(
      'Step "a" has recurrence "FREQ=WEEKLY;COUNT=4", which is RRULE text; read it with rrule() of @maslul/timing/rrule: `repeat: rrule("FREQ=WEEKLY;COUNT=4")`, or write a cadence { every, count }.',
    );
  });

  it('keeps the canonical RRULE text of an rrule() series', () => {
    const schedule = defineSchedule({ a: { repeat: rrule('RRULE:FREQ=WEEKLY;BYDAY=SU;COUNT=4') } });
    expect(schedule.steps.a.repeat?.rrule).toBe('FREQ=WEEKLY;BYDAY=SU;COUNT=4');
    expect(schedule.steps.a.kind).toBe('series');
  });

  it('refuses unknown fields, naming the allowed ones', () => {
    expect(() => fromJson('{"a":{},"b":{"afer":"a"}}')).toThrow(
      expect.objectContaining({ code: 'unknown-field', path: ['steps', 'b', 'afer'] }),
    );
  });

  it('refuses a step that is both a span and a series, and non-object steps', () => {
    expect(() => fromJson('{"a":{"duration":"P1M","repeat":{"every":"P1D","count":2}}}')).toThrow(
      /both a duration and a repeat/,
    );
    expect(() => fromJson('{"a":"soon"}')).toThrow(
      expect.objectContaining({ code: 'invalid-step' }),
    );
  });

  it('refuses an empty schedule', () => {
    expect(() => fromJson('{}')).toThrow(expect.objectContaining({ code: 'empty-schedule' }));
  });

  it('collects every issue before throwing', () => {
    const issues = issuesOf(() => fromJson('{"a":{"after":"x"},"b":{"after":"y","label":3}}'));
    expect(issues.map((i) => [i.step, i.code])).toEqual([
      ['a', 'unknown-step'],
      ['b', 'unknown-step'],
      ['b', 'invalid-step'],
    ]);
  });
});
