import { describe, expect, it } from 'vitest';
import {
  itemCreateType,
  itemEventType,
  labelIn,
  spanFinishType,
  spanStartType,
  splitEventType,
  toEpoch,
} from '../index.js';

describe('toEpoch', () => {
  it('reads a Date, epoch milliseconds and ISO strings alike', () => {
    const ms = Date.UTC(2027, 0, 10, 7, 30);
    expect(toEpoch(new Date(ms))).toBe(ms);
    expect(toEpoch(ms)).toBe(ms);
    expect(toEpoch('2027-01-10T09:30:00+02:00')).toBe(ms);
    expect(toEpoch('2027-01-10')).toBe(Date.UTC(2027, 0, 10));
  });

  it('gives NaN for what is no instant, never a number that looks like one', () => {
    for (const bad of [
      'next Tuesday',
      '',
      '\u0000',
      '\ud800',
      Number.POSITIVE_INFINITY,
      Number.NaN,
    ]) {
      expect(toEpoch(bad)).toBeNaN();
    }
    expect(toEpoch(new Date('nope'))).toBeNaN();
  });
});

describe('event types', () => {
  it('spells the events of spans and items one way, and splits them back', () => {
    expect(spanStartType('S2')).toBe('S2.start');
    expect(spanFinishType('S2')).toBe('S2.finish');
    expect(itemCreateType('initiative')).toBe('initiative.create');
    expect(itemEventType('initiative', 'measure')).toBe('initiative.measure');
    expect(splitEventType(itemEventType('initiative', 'measure'))).toEqual({
      owner: 'initiative',
      part: 'measure',
    });
    expect(splitEventType('S1')).toBeUndefined();
  });
});

describe('labelIn', () => {
  it('falls back to English, then to any locale the label has', () => {
    expect(labelIn({ en: 'Hackathon', he: 'האקתון' }, 'he')).toBe('האקתון');
    expect(labelIn({ en: 'Hackathon' }, 'ar')).toBe('Hackathon');
    expect(labelIn({ fr: 'Hackathon' }, 'ar')).toBe('Hackathon');
    expect(labelIn('Hackathon', 'he')).toBe('Hackathon');
  });
});
