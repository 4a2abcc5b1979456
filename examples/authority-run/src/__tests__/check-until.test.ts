import { describe, expect, it } from 'vitest';
import { checkUntil } from '../resume.js';
import { script } from '../run.js';

// `--resume --until <date>` against where the stored run stands (the demo runs it after
// reading the run's last event; demo-errors.test.ts runs it through the command line).

const dir = '/tmp/ramat';
const last = script.at(-1);

describe('checkUntil', () => {
  it('says a finished run is past the date, and that --resume alone prints its report', () => {
    expect(() => checkUntil({ stored: script.length, line: '' }, '2026-10-01', dir)).toThrow(
      `The run in "${dir}" is finished: all ${script.length} events are stored, the last ("${last?.event.type}") on ${last?.at}, so --until 2026-10-01 has nothing to run; give --until a later date, \`npm run demo -- --resume --data ${dir}\` for its report, or start afresh with \`npm run demo -- --until 2026-10-01 --data ${dir}\`.`,
    );
  });

  it('lets a run carry on to a date on or after its last event, or with no date', () => {
    const point = { stored: 3, line: '' };
    const third = script[2]?.at as string;
    expect(() => checkUntil(point, third as never, dir)).not.toThrow();
    expect(() => checkUntil(point, '2027-01-01', dir)).not.toThrow();
    expect(() => checkUntil(point, undefined, dir)).not.toThrow();
    expect(() => checkUntil({ stored: script.length, line: '' }, last?.at, dir)).not.toThrow();
  });
});
