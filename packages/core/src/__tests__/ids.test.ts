import { describe, expect, it } from 'vitest';
import { manager, sample, steering } from '../../test-programs/sample-program.js';
import { createManualClock } from '../clock.js';
import { idIssue } from '../ids.js';
import { createInstance } from '../instance.js';

const five = ['a', 'b', 'c', 'd', 'e'];
const bad = [
  ['an empty string', ''],
  ['201 characters', 'x'.repeat(201)],
  ['a lone high surrogate', 'town-\ud800'],
  ['a lone low surrogate', '\udc00-town'],
  ['a NUL', 'town\u0000'],
  ['a line break', 'town\n2'],
  ['a C1 control character', 'town\u0085'],
] as const;

describe('idIssue', () => {
  it.each(['ramat-hateenim', 'רמת התאנים', 'x'.repeat(200), 'emoji 🌱', '__proto__'])(
    'takes %j',
    (id) => {
      expect(idIssue(id, ['id'])).toBeUndefined();
    },
  );

  it.each(bad)('refuses %s, naming the field', (_, id) => {
    const issue = idIssue(id, ['idempotencyKey']);
    expect(issue).toMatchObject({ code: 'invalid-id', path: ['idempotencyKey'] });
    expect(issue?.message).toMatch(
      /^The idempotencyKey ".*"(\.\.\.)? .*: give 1 to 200 characters/s,
    );
    // The sentence itself is well-formed text: an HTTP body or a log line can carry it.
    expect(issue?.message).not.toMatch(/[\uD800-\uDFFF]/);
    expect(issue?.message).not.toMatch(/\p{Cc}/u);
  });

  it('refuses what is not a string', () => {
    expect(idIssue(42, ['item'])?.message).toMatch(/^The item 42 is not a string/);
  });
});

function started() {
  const clock = createManualClock('2027-01-18T08:00:00Z');
  const instance = createInstance(sample, { start: '2027-01-04', clock });
  const first = instance.send(
    { type: 'scope', payload: { areas: ['north'] } },
    { actor: steering, at: '2027-01-04T09:00:00Z', idempotencyKey: 'scope' },
  );
  if (!first.ok) throw first.refusal;
  return { clock, instance };
}

describe('createInstance: ids, keys and dates', () => {
  it.each(bad)('refuses an idempotency key with %s (invalid-id), changing nothing', (_, key) => {
    const { instance } = started();
    const before = JSON.stringify(instance.snapshot());
    const result = instance.send(
      { type: 'meeting1', payload: { challenges: five } },
      { actor: steering, idempotencyKey: key },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toMatchObject({ code: 'invalid-id', path: ['idempotencyKey'] });
    expect(JSON.stringify(instance.snapshot())).toBe(before);
  });

  it.each(bad)('refuses an item id with %s (invalid-id), changing nothing', (_, item) => {
    const { instance } = started();
    const before = JSON.stringify(instance.snapshot());
    const result = instance.send(
      { type: 'initiative.create', item, payload: { title: 'Garden', challenges: ['a'] } } as never,
      { actor: manager },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toMatchObject({ code: 'invalid-id', path: ['item'] });
    expect(JSON.stringify(instance.snapshot())).toBe(before);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'takes %j as a new idempotency key (not one applied before)',
    (key) => {
      const { instance } = started();
      const result = instance.send(
        { type: 'meeting1', payload: { challenges: five } },
        { actor: steering, idempotencyKey: key },
      );
      if (!result.ok) throw result.refusal;
      expect(result.duplicate).toBe(false);
      const again = instance.send(
        { type: 'meeting1', payload: { challenges: five } },
        { actor: steering, idempotencyKey: key },
      );
      expect(again.ok && again.duplicate).toBe(true);
    },
  );

  it('refuses an event dated before the program start (before-start), changing nothing', () => {
    const { instance } = started();
    const before = JSON.stringify(instance.snapshot());
    const result = instance.send(
      { type: 'meeting1', payload: { challenges: five } },
      { actor: steering, at: '2027-01-03T12:00:00Z' },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toMatchObject({
      code: 'before-start',
      rule: 'core.not-before-start',
      path: ['at'],
    });
    expect(result.refusal.message).toContain('"2027-01-04"'.replaceAll('"', ''));
    expect(JSON.stringify(instance.snapshot())).toBe(before);
  });

  it.each(['0000-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '-000001-01-01T00:00:00Z'])(
    'refuses an event dated %s, outside the years plans are made in (invalid-instant)',
    (at) => {
      const { instance } = started();
      const result = instance.send(
        { type: 'meeting1', payload: { challenges: five } },
        { actor: steering, at },
      );
      expect(!result.ok && result.refusal.code).toBe('invalid-instant');
    },
  );

  it('refuses an event dated after 2200 even on a clock that is later still', () => {
    const clock = createManualClock('2300-01-01T00:00:00Z');
    const instance = createInstance(sample, { start: '2027-01-04', clock });
    const result = instance.send(
      { type: 'scope', payload: { areas: ['north'] } },
      { actor: steering, at: '2250-01-01T00:00:00Z' },
    );
    expect(!result.ok && result.refusal.code).toBe('invalid-instant');
  });

  it.each(['0000-01-01', '1899-12-31', '2201-01-01', '9999-12-31', '2027-02-30', '2027-1-4', ''])(
    'refuses the start %j (invalid-date, naming "start")',
    (start) => {
      const clock = createManualClock('2027-01-04T08:00:00Z');
      expect(() => createInstance(sample, { start: start as never, clock })).toThrow(
        expect.objectContaining({ code: 'invalid-date', path: ['start'], rule: 'core.start-date' }),
      );
    },
  );
});
