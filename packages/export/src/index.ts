/**
 * `@maslul/export`: a program's plan for other tools. {@link toICalendar} writes an iCalendar
 * file (one event per meeting, at its local time in the plan's time zone, with stable UIDs);
 * {@link toMermaidGantt} a Mermaid gantt chart (a section per track, critical and done steps
 * marked); {@link toCsv} an RFC 4180 table of every step's dates, window, slack and status;
 * {@link toMermaidStatechart} the program's statechart as a Mermaid state diagram (a concurrent
 * region per track, the item machines beside it).
 * Labels come from the program in the locale asked for (Hebrew or English for Kehila Metiva).
 * Pure and browser-safe: no Node built-ins, no clock reads.
 *
 * @packageDocumentation
 */

export type { Label } from '@maslul/timing';
export type {
  CalendarEntry,
  EventDetails,
  EventMode,
  ICalendarOptions,
  MeetingTime,
} from './icalendar-options.js';
export type { LabelOptions, ProgramInfo } from './labels.js';
export { type CsvColumn, type CsvOptions, toCsv } from './to-csv.js';
export { toICalendar } from './to-icalendar.js';
export { type MermaidGanttOptions, toMermaidGantt } from './to-mermaid-gantt.js';
export {
  type MermaidStatechartOptions,
  type StatechartItem,
  type StatechartProgram,
  type StatechartStep,
  toMermaidStatechart,
} from './to-mermaid-statechart.js';
