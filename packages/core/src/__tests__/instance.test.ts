import { describe, expect, it } from 'vitest';
import { manager, member, sample, steering } from '../../test-programs/sample-program.js';
import { createManualClock } from '../clock.js';
import { createInstance, replay, restoreInstance } from '../instance.js';
import { Refusal } from '../refusal.js';

const five = ['a', 'b', 'c', 'd', 'e'];

function started() {
  const clock = createManualClock('2027-01-04T08:00:00Z');
  const instance = createInstance(sample, { start: '2027-01-04', clock });
  const first = instance.send(
    { type: 'scope', payload: { areas: ['north'] } },
    { actor: steering },
  );
  expect(first.ok).toBe(true);
  return { clock, instance };
}

describe('createInstance: send', () => {
  it('accepts an event, records its date, and returns the entry, snapshot and deadlines', () => {
    const { clock, instance } = started();
    clock.advanceTo('2027-01-18T10:00:00Z');
    const result = instance.send(
      { type: 'meeting1', payload: { challenges: five } },
      { actor: steering, idempotencyKey: 'm1' },
    );
    if (!result.ok) throw result.refusal;
    expect(result.entry).toMatchObject({
      seq: 2,
      type: 'meeting1',
      date: '2027-01-18',
      at: '2027-01-18T10:00:00.000Z',
      actor: { id: 'mayor', roles: ['steering'] },
      trace: [{ rule: 'S1', step: 'meeting1', passed: true }],
    });
    expect(result.snapshot.machine.value).toEqual({
      strategy: 'mapping',
      pilot: 'hackathon',
      convergence: 'decision',
    });
    expect(result.snapshot.machine.context.steps.meeting1).toEqual({
      started: '2027-01-18',
      finished: '2027-01-18',
      payload: { challenges: five },
    });
    // The hackathon: about a month after meeting 1, from 2027-02-18 (nominal).
    expect(result.deadlines.find((d) => d.id === 'hackathon:due')).toMatchObject({
      date: '2027-02-18',
      at: Date.parse('2027-02-18T00:00:00Z'),
    });
    expect(instance.current()).toEqual({
      strategy: { step: 'mapping', running: false },
      pilot: { step: 'hackathon', running: false },
      convergence: { step: 'decision', running: false },
    });
  });

  it("keeps each result's deadlines to its own event, and serialises them", () => {
    const { clock, instance } = started();
    clock.advanceTo('2027-01-18T10:00:00Z');
    const first = instance.send(
      { type: 'meeting1', payload: { challenges: five } },
      { actor: steering },
    );
    clock.advanceTo('2027-01-19T10:00:00Z');
    instance.send({ type: 'mapping.start' }, { actor: manager });
    if (!first.ok) throw first.refusal;
    // Read after a later event: still the deadlines as of meeting 1 (mapping not started).
    expect(first.deadlines.find((d) => d.id === 'mapping:opens')).toBeDefined();
    expect(instance.deadlines().find((d) => d.id === 'mapping:opens')).toBeUndefined();
    expect(JSON.parse(JSON.stringify(first)).deadlines).toHaveLength(first.deadlines.length);
  });

  it('applies a repeated idempotency key once and returns the first result', () => {
    const { clock, instance } = started();
    clock.advanceTo('2027-01-18T10:00:00Z');
    const options = { actor: steering, idempotencyKey: 'm1' } as const;
    const first = instance.send({ type: 'meeting1', payload: { challenges: five } }, options);
    const again = instance.send({ type: 'meeting1', payload: { challenges: five } }, options);
    expect(again).toMatchObject({ ok: true, duplicate: true });
    if (first.ok && again.ok) expect(again.entry).toBe(first.entry);
    expect(instance.snapshot().seq).toBe(2);
    expect(instance.history()).toHaveLength(2);
  });

  describe('refusals change nothing', () => {
    const cases = [
      {
        name: 'a wrong role',
        code: 'forbidden',
        rule: 'core.roles',
        send: (i: ReturnType<typeof started>['instance']) =>
          i.send({ type: 'meeting1', payload: { challenges: five } }, { actor: member }),
        message: /"yossi" may not record "meeting1": it needs one of the roles "steering"/,
      },
      {
        name: 'a payload failing its schema',
        code: 'invalid-payload',
        rule: 'core.payload',
        send: (i: ReturnType<typeof started>['instance']) =>
          i.send(
            { type: 'meeting1', payload: { challenges: 'five' } as never },
            { actor: steering },
          ),
        message: /"meeting1" payload\.challenges: /,
      },
      {
        name: 'a rule failing',
        code: 'rule-failed',
        rule: 'S1',
        send: (i: ReturnType<typeof started>['instance']) =>
          i.send({ type: 'meeting1', payload: { challenges: ['a'] } }, { actor: steering }),
        message: /refused by rule S1: Meeting 1 ranks exactly five focus challenges/,
      },
      {
        name: 'an event its track has not reached',
        code: 'not-now',
        rule: 'core.track-order',
        send: (i: ReturnType<typeof started>['instance']) =>
          i.send({ type: 'mapping.start' }, { actor: manager }),
        message: /track "strategy" is at "meeting1"/,
      },
      {
        name: 'a step waiting for another track',
        code: 'waiting',
        rule: 'core.after',
        send: (i: ReturnType<typeof started>['instance']) =>
          i.send({ type: 'hackathon' }, { actor: manager }),
        message: /"hackathon" waits for "meeting1"/,
      },
      {
        name: 'an unknown event',
        code: 'unknown-event',
        rule: 'core.known-event',
        send: (i: ReturnType<typeof started>['instance']) =>
          i.send({ type: 'party' } as never, { actor: steering }),
        message: /"party" is not an event of program "sample"/,
      },
      ...[
        '__proto__',
        'constructor',
        'toString',
        'initiative.__proto__',
        'mapping.constructor',
      ].map((type) => ({
        name: `an event named like a built-in property (${type})`,
        code: 'unknown-event',
        rule: 'core.known-event',
        send: (i: ReturnType<typeof started>['instance']) =>
          i.send({ type } as never, { actor: steering }),
        message: /is not an event of program "sample"/,
      })),
      {
        name: 'an event dated after now',
        code: 'future-event',
        rule: 'core.no-future',
        send: (i: ReturnType<typeof started>['instance']) =>
          i.send(
            { type: 'meeting1', payload: { challenges: five } },
            { actor: steering, at: '2030-01-01T00:00:00Z' },
          ),
        message: /after the clock's now/,
      },
    ] as const;

    for (const c of cases) {
      it(`refuses ${c.name} with a typed error (${c.code})`, () => {
        const { instance } = started();
        const before = JSON.stringify(instance.snapshot());
        const result = c.send(instance);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.refusal).toBeInstanceOf(Refusal);
        expect(result.refusal).toMatchObject({ code: c.code, rule: c.rule });
        expect(result.refusal.message).toMatch(c.message);
        expect(JSON.stringify(instance.snapshot())).toBe(before);
        expect(instance.history()).toHaveLength(1);
      });
    }

    it('names every failing field of a payload', () => {
      const { instance } = started();
      const result = instance.send({ type: 'meeting1', payload: {} as never }, { actor: steering });
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.refusal.issues.map((i) => i.path)).toEqual([['payload', 'challenges']]);
    });
  });
});

describe('createInstance: queries', () => {
  it('gives the schedule with statuses at an instant, and the history with rule traces', () => {
    const { clock, instance } = started();
    clock.advanceTo('2027-01-18T10:00:00Z');
    instance.send({ type: 'meeting1', payload: { challenges: five } }, { actor: steering });
    const { plan, status } = instance.schedule('2027-02-20T12:00:00Z');
    expect(plan.steps.meeting1).toMatchObject({
      start: '2027-01-18',
      recorded: { start: true, finish: true },
    });
    expect(status).toMatchObject({
      scope: 'done',
      meeting1: 'done',
      mapping: 'overdue',
      hackathon: 'open',
    });
    expect(instance.history().map((e) => [e.seq, e.type, e.trace.map((t) => t.rule)])).toEqual([
      [1, 'scope', []],
      [2, 'meeting1', ['S1']],
    ]);
  });
});

describe('restoreInstance and replay', () => {
  it('replays the log to the same snapshot, byte for byte', () => {
    const { clock, instance } = started();
    clock.advanceTo('2027-01-18T10:00:00Z');
    instance.send(
      { type: 'meeting1', payload: { challenges: five } },
      { actor: steering, idempotencyKey: 'k' },
    );
    clock.advanceTo('2027-01-20T10:00:00Z');
    instance.send({ type: 'mapping.start' }, { actor: manager });
    const again = replay(sample, instance.history(), { start: '2027-01-04', clock });
    expect(JSON.stringify(again.snapshot())).toBe(JSON.stringify(instance.snapshot()));
  });

  it('restores a snapshot through JSON and goes on from it', () => {
    const { clock, instance } = started();
    const saved = JSON.parse(JSON.stringify(instance.snapshot()));
    const restored = restoreInstance(sample, saved, { start: '2027-01-04', clock });
    clock.advanceTo('2027-01-18T10:00:00Z');
    const result = restored.send(
      { type: 'meeting1', payload: { challenges: five } },
      { actor: steering },
    );
    expect(result.ok && result.entry.seq).toBe(2);
  });

  it('never applies again a key it took before it was restored (already-applied)', () => {
    const clock = createManualClock('2027-01-04T08:00:00Z');
    const instance = createInstance(sample, { start: '2027-01-04', clock });
    const event = { type: 'scope', payload: { areas: ['north'] } } as const;
    instance.send(
      { ...event, payload: { areas: ['north'] } },
      { actor: steering, idempotencyKey: 'k' },
    );
    const restored = restoreInstance(sample, JSON.parse(JSON.stringify(instance.snapshot())), {
      start: '2027-01-04',
      clock,
    });
    const again = restored.send(
      { type: 'scope', payload: { areas: ['north'] } },
      { actor: steering, idempotencyKey: 'k' },
    );
    expect(again.ok).toBe(false);
    expect(again.ok ? undefined : again.refusal).toMatchObject({
      code: 'already-applied',
      rule: 'core.idempotency',
      path: ['idempotencyKey'],
      message: expect.stringContaining('event #1'),
    });
    expect(restored.snapshot().seq).toBe(1);
  });

  it('refuses another event sent under a key already used, changing nothing', () => {
    const { clock, instance } = started();
    clock.advanceTo('2027-01-18T10:00:00Z');
    const options = { actor: steering, idempotencyKey: 'form-1' } as const;
    const first = instance.send({ type: 'meeting1', payload: { challenges: five } }, options);
    expect(first.ok).toBe(true);
    const reordered = instance.send(
      { type: 'meeting1', payload: { challenges: [...five] } },
      options,
    );
    expect(reordered.ok && reordered.duplicate).toBe(true);
    const other = instance.send(
      { type: 'meeting1', payload: { challenges: five.slice(0, 4) } },
      options,
    );
    expect(other.ok || other.refusal).toMatchObject({
      code: 'idempotency-key-reused',
      rule: 'core.idempotency',
      path: ['idempotencyKey'],
      message: expect.stringContaining('"form-1"'),
    });
    expect(instance.history()).toHaveLength(first.ok ? first.entry.seq : -1);
  });

  it('refuses a snapshot whose tracks are at states the program does not have', () => {
    const { clock, instance } = started();
    const snapshot = instance.snapshot();
    const options = { start: '2027-01-04', clock } as const;
    for (const value of [
      { ...(snapshot.machine.value as object), pilot: 'party' },
      'strategy',
      {},
    ]) {
      expect(() =>
        restoreInstance(sample, { ...snapshot, machine: { ...snapshot.machine, value } }, options),
      ).toThrow(
        expect.objectContaining({
          code: 'invalid-snapshot',
          rule: 'core.snapshot-shape',
          message: expect.stringMatching(
            /track "(strategy|pilot)" at .*, which is not one of its states/,
          ),
        }),
      );
    }
  });

  it('refuses a snapshot whose context holds no record of its steps or items', () => {
    const { clock, instance } = started();
    const snapshot = instance.snapshot();
    const { context } = snapshot.machine;
    for (const [part, broken] of [
      ['steps', { ...context, steps: null }],
      ['items', { steps: context.steps }],
      ['steps', { ...context, steps: [] }],
    ] as const) {
      expect(() =>
        restoreInstance(
          sample,
          { ...snapshot, machine: { ...snapshot.machine, context: broken as never } },
          { start: '2027-01-04', clock },
        ),
      ).toThrow(
        expect.objectContaining({
          code: 'invalid-snapshot',
          path: ['machine', 'context', part],
        }),
      );
    }
  });

  it('restores an older snapshot that XState marked done, with child actors, and goes on', () => {
    const { clock, instance } = started();
    const old = {
      ...instance.snapshot(),
      machine: { ...instance.snapshot().machine, status: 'done', children: { i1: { src: 'x' } } },
    };
    const restored = restoreInstance(sample, old, { start: '2027-01-04', clock });
    clock.advanceTo('2027-01-18T10:00:00Z');
    const next = restored.send(
      { type: 'meeting1', payload: { challenges: five } },
      { actor: steering },
    );
    expect(next.ok).toBe(true);
    expect(restored.snapshot().machine).toMatchObject({ status: 'active', children: {} });
  });

  it('refuses a snapshot of another program or version, unless migrated', () => {
    const { clock, instance } = started();
    const snapshot = instance.snapshot();
    const options = { start: '2027-01-04', clock } as const;
    expect(() =>
      restoreInstance(sample, { ...snapshot, program: { id: 'other', version: 1 } }, options),
    ).toThrow(expect.objectContaining({ code: 'wrong-program' }));
    const old = { ...snapshot, program: { id: 'sample', version: 0 } };
    expect(() => restoreInstance(sample, old, options)).toThrow(
      expect.objectContaining({
        code: 'version-mismatch',
        message: expect.stringContaining('pass a migration from version 0'),
      }),
    );
    const migrated = restoreInstance(sample, old, {
      ...options,
      migrations: { 0: (s) => ({ ...s, program: { id: s.program.id, version: 1 } }) },
    });
    expect(migrated.snapshot().program.version).toBe(1);
  });

  it('refuses a migration that does not move the snapshot to a later version (no endless loop)', () => {
    const { clock, instance } = started();
    const old = { ...instance.snapshot(), program: { id: 'sample', version: 0 } };
    const options = { start: '2027-01-04', clock } as const;
    for (const version of [0, -1, 2]) {
      expect(() =>
        restoreInstance(sample, old, {
          ...options,
          migrations: { 0: (s) => ({ ...s, program: { id: s.program.id, version } }) },
        }),
      ).toThrow(
        expect.objectContaining({
          code: 'version-mismatch',
          rule: 'core.migration-advances',
          path: ['migrations', 0],
        }),
      );
    }
  });

  it('says a newer snapshot cannot be migrated back, instead of asking for a migration', () => {
    const { clock, instance } = started();
    const newer = { ...instance.snapshot(), program: { id: 'sample', version: 3 } };
    expect(() => restoreInstance(sample, newer, { start: '2027-01-04', clock })).toThrow(
      expect.objectContaining({
        code: 'version-mismatch',
        message: expect.stringContaining('never migrated back'),
      }),
    );
  });
});

describe('createInstance: rule ids from payload schemas', () => {
  it('takes the rule id a schema puts in params.rule, and core.payload otherwise', async () => {
    const z = await import('zod');
    const { defineProgram } = await import('../define-program.js');
    const program = defineProgram('ruled', { version: 1, label: 'Ruled' })
      .roles({ manager: { label: 'Manager' } })
      .track('main', 'Main', (t) =>
        t.milestone('team', {
          label: 'Team',
          by: ['manager'],
          payload: z.object({ members: z.array(z.string()) }).superRefine((team, ctx) => {
            if (team.members.length < 10) {
              ctx.addIssue({
                code: 'custom',
                message: 'T1: at least 10 members',
                params: { rule: 'T1' },
              });
            }
          }),
        }),
      )
      .build();
    const instance = createInstance(program, {
      start: '2027-01-04',
      clock: createManualClock('2027-01-04T09:00:00Z'),
    });
    const actor = { id: 'dana', roles: ['manager'] } as const;
    const small = instance.send({ type: 'team', payload: { members: ['a'] } }, { actor });
    expect(small.ok || small.refusal).toMatchObject({ code: 'invalid-payload', rule: 'T1' });
    const wrong = instance.send({ type: 'team', payload: { members: 'a' } as never }, { actor });
    expect(wrong.ok || wrong.refusal).toMatchObject({
      code: 'invalid-payload',
      rule: 'core.payload',
    });
  });

  it("takes the rule id that starts a zod check's own message (z.enum cannot carry params)", async () => {
    const z = await import('zod');
    const { defineProgram } = await import('../define-program.js');
    const program = defineProgram('enums', { version: 1, label: 'Enums' })
      .roles({ manager: { label: 'Manager' } })
      .track('main', 'Main', (t) =>
        t.milestone('scope', {
          label: 'Scope',
          by: ['manager'],
          payload: z.object({
            channel: z.enum(['social', 'urban'], { error: 'PB2: not a channel of the program' }),
            note: z.string({ error: 'Note: a text' }),
          }),
        }),
      )
      .build();
    const instance = createInstance(program, {
      start: '2027-01-04',
      clock: createManualClock('2027-01-04T09:00:00Z'),
    });
    const actor = { id: 'dana', roles: ['manager'] } as const;
    const channel = instance.send(
      { type: 'scope', payload: { channel: 'cultural', note: 'x' } as never },
      { actor },
    );
    expect(channel.ok || channel.refusal).toMatchObject({ code: 'invalid-payload', rule: 'PB2' });
    // "Note:" is a word, not a rule id: it stays core.payload.
    const note = instance.send(
      { type: 'scope', payload: { channel: 'social', note: 1 } as never },
      { actor },
    );
    expect(note.ok || note.refusal).toMatchObject({
      code: 'invalid-payload',
      rule: 'core.payload',
    });
  });
});

describe('createInstance: rule traces', () => {
  it('traces no rule on a span start, and the span rules on its finish', () => {
    const { clock, instance } = started();
    clock.advanceTo('2027-01-18T10:00:00Z');
    instance.send({ type: 'meeting1', payload: { challenges: five } }, { actor: steering });
    clock.advanceTo('2027-01-19T10:00:00Z');
    const start = instance.send({ type: 'mapping.start' }, { actor: manager });
    expect(start.ok && start.entry.trace).toEqual([]);
  });
});
