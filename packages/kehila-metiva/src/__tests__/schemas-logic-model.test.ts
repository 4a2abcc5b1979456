import { describe, expect, it } from 'vitest';
import { logicModelSchema, outcomesSchema } from '../index.js';

const outcomes = {
  short: ['Youth clubs open four evenings a week'],
  medium: ['Dropout in the focus areas down by a third'],
  long: ['School completion at the city average'],
};
const model = {
  theoryOfChange: 'אם לבני הנוער יש מקום, מבוגר משמעותי ומסלול, הם נשארים במערכת החינוך.',
  overall: {
    short: ['השותפים פועלים לפי תוכנית אחת'],
    medium: ['השירותים מגיעים לשכונות המיקוד'],
    long: ['הפערים מממוצע העיר נסגרים'],
  },
  byChannel: { educational: outcomes, social: outcomes },
};

describe('outcomesSchema', () => {
  it('S5: refuses a horizon without an outcome', () => {
    expect(outcomesSchema.safeParse({ ...outcomes, medium: [] }).error?.issues).toMatchObject([
      {
        path: ['medium'],
        message: 'S5: state at least one medium-term outcome',
        params: { rule: 'S5' },
      },
    ]);
  });
});

describe('logicModelSchema', () => {
  it('S5: parses outcomes overall and per channel, keeping only the channels given', () => {
    const parsed = logicModelSchema.parse(model);
    expect(parsed).toEqual(model);
    expect(Object.keys(parsed.byChannel).sort()).toEqual(['educational', 'social']);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
  });

  it('S5: refuses a model without per-channel outcomes', () => {
    expect(logicModelSchema.safeParse({ ...model, byChannel: {} }).error?.issues).toMatchObject([
      { path: ['byChannel'], message: 'S5: give the desired outcomes of at least one channel' },
    ]);
  });

  it('S0: refuses outcomes keyed by something that is not a channel', () => {
    const parsed = logicModelSchema.safeParse({ ...model, byChannel: { cultural: outcomes } });
    expect(parsed.error?.issues).toMatchObject([
      {
        code: 'unrecognized_keys',
        path: ['byChannel'],
        message:
          'S0: "cultural" is not a channel; key the outcomes by "social", "educational", "urban", "economic"',
      },
    ]);
  });

  it('S5: refuses a channel whose long-term outcomes are missing, at that channel', () => {
    const { long: _, ...partial } = outcomes;
    const parsed = logicModelSchema.safeParse({ ...model, byChannel: { urban: partial } });
    expect(parsed.error?.issues[0]?.path).toEqual(['byChannel', 'urban', 'long']);
  });
});
