// Written by scripts/public-exports/generate.mjs: the public API of @maslul/export, pinned. Do
// not edit by hand; change the index, run `npm run public-exports`, and review this diff.
import { expectTypeOf, test } from 'vitest';

// @maslul/export
import type * as entry0 from '../index.js';

test('@maslul/export exports exactly these values', () => {
  expectTypeOf<keyof typeof entry0>().toEqualTypeOf<
    'toCsv' | 'toICalendar' | 'toMermaidGantt' | 'toMermaidStatechart'
  >();
});

test('@maslul/export exports these types', () => {
  type Named = [
    entry0.CalendarEntry,
    entry0.CsvColumn,
    entry0.CsvOptions,
    entry0.EventDetails,
    entry0.EventMode,
    entry0.ICalendarOptions,
    entry0.Label,
    entry0.LabelOptions,
    entry0.MeetingTime,
    entry0.MermaidGanttOptions,
    entry0.MermaidStatechartOptions,
    entry0.ProgramInfo,
    entry0.StatechartItem,
    entry0.StatechartProgram,
    entry0.StatechartStep,
  ];
  expectTypeOf<Named>().not.toBeNever();
});
