// A send result is a plain object: its snapshot and deadlines survive a spread, structuredClone
// and JSON (issue #17: they were prototype getters, lost by `{ ...result }`).
import { describe, expect, it } from 'vitest';
import { sample, steering } from '../../test-programs/sample-program.js';
import { createManualClock } from '../clock.js';
import { createInstance } from '../instance.js';

function accepted() {
  const clock = createManualClock('2027-01-04T08:00:00Z');
  const instance = createInstance(sample, { start: '2027-01-04', clock });
  const result = instance.send(
    { type: 'scope', payload: { areas: ['north'] } },
    { actor: steering },
  );
  if (!result.ok) throw result.refusal;
  return { instance, result };
}

describe('send results', () => {
  it('keeps snapshot and deadlines in a spread', () => {
    const { instance, result } = accepted();
    const copy = { ...result };
    expect(Object.keys(copy).sort()).toEqual(['deadlines', 'duplicate', 'entry', 'ok', 'snapshot']);
    expect(copy.snapshot).toEqual(instance.snapshot());
    expect(copy.deadlines).toEqual(instance.deadlines());
    expect(copy.deadlines.length).toBeGreaterThan(0);
  });

  it('keeps snapshot and deadlines in a structured clone and in JSON', () => {
    const { instance, result } = accepted();
    const clone = structuredClone(result);
    expect(clone.ok && clone.snapshot).toEqual(instance.snapshot());
    expect(clone.ok && clone.deadlines).toEqual(instance.deadlines());
    expect(JSON.parse(JSON.stringify(result))).toEqual(clone);
  });

  it('computes the snapshot of its own event, read after later events', () => {
    const { instance, result } = accepted();
    instance.send(
      { type: 'meeting1', payload: { challenges: ['a', 'b', 'c', 'd', 'e'] } },
      { actor: steering },
    );
    expect(result.ok && result.snapshot.seq).toBe(1);
    expect(instance.snapshot().seq).toBe(2);
  });
});
