import { type Instant, type Plan, statusAt } from '@maslul/timing';
import { exportError } from './errors.js';
import { type LabelOptions, namingOf } from './labels.js';

/**
 * A column {@link toCsv} can write.
 *
 * @example
 * ```ts
 * import type { CsvColumn } from '@maslul/export';
 *
 * const columns: CsvColumn[] = ['id', 'label', 'start', 'finish', 'status'];
 * ```
 * @category CSV
 */
export type CsvColumn =
  | 'id'
  | 'label'
  | 'track'
  | 'kind'
  | 'start'
  | 'finish'
  | 'earliest'
  | 'latest'
  | 'slack'
  | 'critical'
  | 'recorded'
  | 'status';

const COLUMNS: readonly CsvColumn[] = [
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
  'status',
];

/**
 * What {@link toCsv} takes beyond the plan: the instant statuses are read at, the columns and
 * their headers, a byte order mark for Excel, and how things are named.
 *
 * @example
 * ```ts
 * import type { CsvOptions } from '@maslul/export';
 *
 * const options: CsvOptions = {
 *   at: '2027-01-10T09:00:00+02:00',
 *   locale: 'he',
 *   headers: { label: 'שלב', start: 'התחלה' },
 *   bom: true,
 * };
 * ```
 * @category CSV
 */
export interface CsvOptions<Id extends string = string> extends LabelOptions<Id> {
  /** Adds a `status` column: each step's status at this instant (from your clock). */
  readonly at?: Instant | undefined;
  /**
   * The columns, in order. By default every column (`status` only when `at` is given): id, label,
   * track, kind, start, finish, earliest, latest (the start window), slack (days; empty when the
   * step leads to no target), critical, recorded (its finish is recorded), status.
   */
  readonly columns?: readonly CsvColumn[] | undefined;
  /** Header text by column, where it should not be the column's name. */
  readonly headers?: { readonly [C in CsvColumn]?: string | undefined } | undefined;
  /**
   * Starts the file with a UTF-8 byte order mark (U+FEFF): give it for a file meant for Excel,
   * which without one reads a CSV in the system's legacy code page and shows Hebrew as mojibake.
   * Off by default, since other readers (CSV parsers, a database's COPY, `cut`) take the mark
   * for part of the first header's name.
   */
  readonly bom?: boolean | undefined;
}

/**
 * One RFC 4180 field: quoted when it holds a comma, a quote or a line break, quotes doubled.
 * Written here rather than taken from a CSV package: it is these two lines.
 */
const field = (value: string): string =>
  /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/**
 * The plan as CSV (RFC 4180: CRLF line ends, fields quoted where needed), one row per step in
 * plan order, with a header row. Labels are in the chosen locale; the text is plain Unicode, to
 * be saved as UTF-8 (`bom: true` for Excel).
 *
 * @param plan - a plan from `solve` or `instance.schedule().plan`
 * @param options - the status instant, columns, headers, BOM, labels and locale
 * @returns the CSV text
 * @throws MaslulError `status-without-instant` when the `status` column is asked for without
 *   `at`, and `unknown-column` for a column that does not exist
 *
 * @example
 * ```ts
 * import { toCsv } from '@maslul/export';
 * import { defineSchedule, solve } from '@maslul/timing';
 *
 * const plan = solve(defineSchedule({ kickoff: { label: 'Kickoff, with the mayor' } }), {
 *   start: '2027-01-04',
 * });
 * toCsv(plan, { columns: ['id', 'label', 'start'] });
 * // 'id,label,start\r\nkickoff,"Kickoff, with the mayor",2027-01-04\r\n'
 * ```
 * @category CSV
 */
export function toCsv<Id extends string>(
  plan: Plan<Id>,
  options?: CsvOptions<Id> | undefined,
): string {
  const at = options?.at;
  const columns =
    options?.columns ?? COLUMNS.filter((column) => column !== 'status' || at !== undefined);
  columns.forEach((column, i) => {
    if (!COLUMNS.includes(column)) {
      throw exportError({
        code: 'unknown-column',
        rule: 'export.csv-column',
        path: ['columns', i],
        message: `Column "${column}" is not one of ${COLUMNS.map((c) => `"${c}"`).join(', ')}.`,
      });
    }
  });
  if (columns.includes('status') && at === undefined) {
    throw exportError({
      code: 'status-without-instant',
      rule: 'export.csv-status',
      path: ['at'],
      message:
        'The "status" column needs `at`: the instant statuses are read at, from your clock (e.g. clock.now()).',
    });
  }
  const naming = namingOf(plan, options);
  const statuses = at === undefined ? undefined : statusAt(plan, at);
  const cell = (id: Id, column: CsvColumn): string => {
    const step = plan.steps[id];
    switch (column) {
      case 'id':
        return id;
      case 'label':
        return naming.step(id);
      case 'track':
        return step.group === undefined ? '' : naming.track(step.group);
      case 'kind':
        return naming.kind(id);
      case 'start':
        return step.start;
      case 'finish':
        return step.finish;
      case 'earliest':
        return step.window.earliest;
      case 'latest':
        return step.window.latest;
      case 'slack':
        return step.slack === null ? '' : String(step.slack);
      case 'critical':
        return String(step.critical);
      case 'recorded':
        return String(step.recorded.finish);
      case 'status':
        return statuses?.[id] ?? '';
    }
  };
  const rows = [
    columns.map((column) => options?.headers?.[column] ?? column),
    ...plan.order.map((id) => columns.map((column) => cell(id, column))),
  ];
  const text = rows.map((row) => `${row.map(field).join(',')}\r\n`).join('');
  return options?.bom ? `\uFEFF${text}` : text;
}
