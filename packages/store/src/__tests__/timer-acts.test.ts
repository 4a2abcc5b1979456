import { createManualClock, createRuntime, TIMER_ACTOR } from '@maslul/core';
import { afterAll, describe, expect, it } from 'vitest';
import { appeals, applicant, boardMember } from '../../../core/test-programs/appeals-program.js';
import { type ActOutcome, actingDelivery, createTimerWorker, type MaslulStore } from '../index.js';
import { storeKinds } from './stores.js';

/**
 * A run of core's appeals program (a window that closes by itself on its published date, an
 * appeal window of 14 days after a refusal that expires by itself), and a timer worker that acts.
 */
async function setUp(store: MaslulStore) {
  const clock = createManualClock('2027-01-04T09:00:00Z');
  const runtime = createRuntime(appeals, { store, clock });
  const outcomes: ActOutcome[] = [];
  const worker = createTimerWorker({
    store,
    clock,
    timers: clock,
    deliver: actingDelivery(runtime as never, { onAct: (o) => outcomes.push(o) }),
  });
  await runtime.create('call-2027', { start: '2027-01-04' });
  return { clock, runtime, worker, outcomes };
}

/** `setUp`, then the window opens and an application "garden" is refused on March 1. */
async function setUpRefusedGarden(store: MaslulStore) {
  const run = await setUp(store);
  const { clock, runtime } = run;
  await runtime.send('call-2027', { type: 'window.start' }, { actor: boardMember });
  await runtime.send(
    'call-2027',
    { type: 'application.create', item: 'garden' },
    { actor: applicant },
  );
  clock.advanceTo('2027-03-01T09:00:00Z');
  await runtime.send(
    'call-2027',
    { type: 'application.refuse', item: 'garden' },
    { actor: boardMember },
  );
  return run;
}

const typesOf = async (runtime: {
  history(id: string): Promise<readonly { type: string; actor: { id: string } }[]>;
}) => (await runtime.history('call-2027')).map((e) => `${e.type} by ${e.actor.id}`);

describe.each(storeKinds())('deadlines that act on the $name store', (kind) => {
  afterAll(() => kind.close());

  it('closes the window by itself the day after its fixed date, by the timer, once', async () => {
    const store = await kind.open();
    const { clock, runtime, worker, outcomes } = await setUp(store);
    await runtime.send('call-2027', { type: 'window.start' }, { actor: boardMember });
    clock.advanceTo('2027-02-26T12:00:00Z');
    await worker.runDue();
    expect(await typesOf(runtime)).toEqual(['window.start by dana']);
    clock.advanceTo('2027-02-27T06:00:00Z');
    await worker.runDue();
    expect(await typesOf(runtime)).toEqual([
      'window.start by dana',
      'window.finish by maslul.timer',
    ]);
    expect(outcomes.map((o) => [o.timer.deadline.id, o.outcome])).toEqual([
      ['window:overdue', 'recorded'],
    ]);
    const history = await runtime.history('call-2027');
    expect(history.at(-1)?.idempotencyKey).toBe(
      `timer:window:overdue@${Date.parse('2027-02-27T00:00:00Z')}`,
    );
    expect(history.at(-1)?.actor).toEqual(TIMER_ACTOR);
  });

  it('a second delivery of the same deadline (a retry, a second worker) stores a duplicate, not a second event', async () => {
    const store = await kind.open();
    const { clock, runtime, worker, outcomes } = await setUp(store);
    await runtime.send('call-2027', { type: 'window.start' }, { actor: boardMember });
    clock.advanceTo('2027-03-01T06:00:00Z');
    const [timer] = (await store.timers('call-2027')).filter((t) => t.deadline.act);
    if (!timer) throw new Error('no acting timer');
    const deliver = actingDelivery(runtime as never, { onAct: (o) => outcomes.push(o) });
    const key = `call-2027/${timer.deadline.id}@${timer.deadline.at}`;
    // The first worker recorded it and died before marking the timer fired; a retry delivers it again.
    await deliver({ ...timer, key });
    await deliver({ ...timer, key });
    // Recorded, the window has no deadlines left: no worker delivers it a third time.
    expect(await worker.runDue()).toBe(0);
    expect(await typesOf(runtime)).toEqual([
      'window.start by dana',
      'window.finish by maslul.timer',
    ]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['recorded', 'duplicate']);
  });

  it('expires an appeal window 14 days after a refusal; missed while no worker ran, it fires once on start', async () => {
    const store = await kind.open();
    const { clock, runtime, worker } = await setUpRefusedGarden(store);
    // No worker ran through March; it starts on April 1 (the window's close fires then too).
    clock.advanceTo('2027-04-01T09:00:00Z');
    worker.start();
    await worker.idle();
    worker.stop();
    const events = await typesOf(runtime);
    expect(events.filter((e) => e === 'application.expire by maslul.timer')).toHaveLength(1);
    expect((await runtime.open('call-2027')).snapshot().machine).toBeDefined();
    expect(await worker.runDue()).toBe(0);
    expect((await typesOf(runtime)).length).toBe(events.length);
  });

  it('an appeal in time leaves no timer to expire it', async () => {
    const store = await kind.open();
    const { clock, runtime, worker } = await setUpRefusedGarden(store);
    // The item's planned appeal is in the timer table, with the act that expires it.
    const planned = (await store.timers('call-2027')).filter(
      (t) => t.deadline.step === 'garden.appeal',
    );
    expect(planned.map((t) => [t.deadline.id, t.deadline.date, t.deadline.act])).toEqual([
      ['garden.appeal:due', '2027-03-15', undefined],
      ['garden.appeal:opens', '2027-03-15', undefined],
      ['garden.appeal:overdue', '2027-03-16', { type: 'application.expire', item: 'garden' }],
    ]);
    clock.advanceTo('2027-03-10T09:00:00Z');
    await runtime.send(
      'call-2027',
      { type: 'application.appeal', item: 'garden' },
      { actor: applicant },
    );
    const pending = (await store.timers('call-2027')).filter((t) => t.firedAt === undefined);
    expect(pending.some((t) => t.deadline.step === 'garden.appeal')).toBe(false);
    clock.advanceTo('2027-04-01T09:00:00Z');
    await worker.runDue();
    expect(await typesOf(runtime)).not.toContain('application.expire by maslul.timer');
  });

  it('settles an act refused by then: nothing is recorded and it is not tried again', async () => {
    const store = await kind.open();
    const { clock, runtime, worker, outcomes } = await setUp(store);
    // The window was never started: finishing it is refused when its close falls due.
    clock.advanceTo('2027-03-01T06:00:00Z');
    await worker.runDue();
    expect(await typesOf(runtime)).toEqual([]);
    const settled = outcomes.filter((o) => o.outcome === 'settled');
    expect(settled.length).toBeGreaterThan(0);
    const timers = await store.timers('call-2027');
    expect(timers.filter((t) => t.deadline.act).every((t) => t.firedAt !== undefined)).toBe(true);
    expect(await worker.runDue()).toBe(0);
  });
});
