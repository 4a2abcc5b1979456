import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARLIEST, LATEST } from '../instance/pre-checks.js';
import { isoOf } from '../instant-text.js';

describe('isoOf', () => {
  it('writes what toISOString writes for every instant an event may carry', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: EARLIEST, max: LATEST }),
          fc.double({ min: EARLIEST, max: LATEST, noNaN: true }),
        ),
        (time) => {
          expect(isoOf(time)).toBe(new Date(time).toISOString());
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('writes the edges of a day and of the range', () => {
    for (const time of [EARLIEST, LATEST, 0, -1, 86_399_999, Date.UTC(2027, 0, 4, 9), -0.5]) {
      expect(isoOf(time)).toBe(new Date(time).toISOString());
    }
  });
});
