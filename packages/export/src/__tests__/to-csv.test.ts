import { kehilaMetiva } from '@maslul/kehila-metiva';
import { defineSchedule, MaslulError, solve, statusAt } from '@maslul/timing';
import { describe, expect, it } from 'vitest';
import { type CsvColumn, toCsv } from '../index.js';
import { freshPlan, planWithFacts } from './fixtures.js';

/**
 * An RFC 4180 reader: records end in CRLF, a quoted field may hold commas, CRLF and doubled
 * quotes. It refuses a bare LF or CR outside quotes, and a quote inside an unquoted field.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error('unclosed quote');
        value += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        value += '"';
        i++;
      }
    } else {
      const end = text.slice(i).search(/[,\r\n]/);
      value = end < 0 ? text.slice(i) : text.slice(i, i + end);
      if (value.includes('"')) throw new Error(`quote in an unquoted field: ${value}`);
      i += value.length;
    }
    row.push(value);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected a comma or CRLF at ${i}, got ${JSON.stringify(text[i])}`);
  }
  expect(row).toEqual([]); // the last record ends in CRLF too
  return rows;
}

describe('toCsv', () => {
  it('writes a header and one row per step, with every column of the plan', () => {
    const plan = freshPlan();
    const [header, ...rows] = parseCsv(toCsv(plan, { program: kehilaMetiva }));
    expect(header).toEqual([
      'id',
      'label',
      'track',
      'kind',
      'start',
      'finish',
      'earliest',
      'latest',
      'slack',
      'critical',
      'recorded',
    ]);
    expect(rows).toHaveLength(plan.order.length);
    expect(rows.map((r) => r[0])).toEqual([...plan.order]);
    for (const [id, , track, kind, start, finish, earliest, latest, slack, critical] of rows) {
      const step = plan.steps[id as keyof typeof plan.steps];
      expect([start, finish, earliest, latest]).toEqual([
        step.start,
        step.finish,
        step.window.earliest,
        step.window.latest,
      ]);
      expect(slack).toBe(step.slack === null ? '' : String(step.slack));
      expect(critical).toBe(String(step.critical));
      expect(kind).toBe(kehilaMetiva.steps[id as keyof typeof kehilaMetiva.steps].kind);
      const label = kehilaMetiva.tracks.find((t) => t.id === step.group)?.label;
      expect(track).toBe(typeof label === 'object' ? label.en : label);
    }
  });

  it('adds each step’s status at the instant given, and what is recorded', () => {
    const { plan, clock } = planWithFacts();
    const rows = parseCsv(toCsv(plan, { at: clock.now(), columns: ['id', 'recorded', 'status'] }));
    const statuses = statusAt(plan, clock.now());
    expect(rows.slice(1)).toEqual(
      plan.order.map((id) => [id, String(plan.steps[id].recorded.finish), statuses[id]]),
    );
    expect(rows.find((r) => r[0] === 'S1')).toEqual(['S1', 'true', 'done']);
    expect(rows.find((r) => r[0] === 'S2')).toEqual(['S2', 'false', 'in-progress']);
  });

  it('keeps Hebrew labels intact, with a byte order mark for Excel when asked', () => {
    const plan = freshPlan();
    const text = toCsv(plan, { program: kehilaMetiva, locale: 'he', bom: true });
    expect(text.startsWith('\uFEFF')).toBe(true);
    // Without `bom`, no mark: a CSV parser would read it as part of the first header.
    expect(toCsv(plan, { program: kehilaMetiva, locale: 'he' }).startsWith('id,')).toBe(true);
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes)); // the decoder drops the BOM
    const s1 = rows.find((r) => r[0] === 'S1');
    expect(s1?.[1]).toBe('מפגש ועדה מעצבת 1: חמישה אתגרים');
    expect(s1?.[2]).toBe('בניית תוכנית אסטרטגית - טווח ארוך');
    expect(toCsv(plan).startsWith('id,')).toBe(true);
  });

  it('quotes fields with commas, quotes and line breaks, and renames headers', () => {
    const labels = {
      a: 'Plain',
      b: 'Budget, scope',
      c: 'The "compass"',
      d: 'Two\r\nlines\nand one',
    } as const;
    const plan = solve(
      defineSchedule({
        a: { label: labels.a },
        b: { label: labels.b, after: 'a' },
        c: { label: labels.c, after: 'b' },
        d: { label: labels.d, after: 'c' },
      }),
      { start: '2027-01-04' },
    );
    const text = toCsv(plan, { columns: ['label', 'id'], headers: { label: 'שם, מלא' } });
    expect(text).toContain('"The ""compass""",c\r\n');
    expect(parseCsv(text)).toEqual([
      ['שם, מלא', 'id'],
      [labels.a, 'a'],
      [labels.b, 'b'],
      [labels.c, 'c'],
      [labels.d, 'd'],
    ]);
  });

  it('refuses a status column without an instant, and unknown columns', () => {
    const plan = freshPlan();
    expect(() => toCsv(plan, { columns: ['id', 'status'] })).toThrow(MaslulError);
    expect(() => toCsv(plan, { columns: ['id', 'status'] })).toThrow(/needs `at`/);
    const columns = ['id', 'owner'] as unknown as CsvColumn[];
    expect(() => toCsv(plan, { columns })).toThrow(/Column "owner" is not one of/);
  });
});
