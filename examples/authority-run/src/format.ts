import type { PlainDate } from '@maslul/timing';

// Small text helpers for a plain-text report that reads well in an 80-120 column terminal.

/** The report's width: lines are wrapped to it. */
export const WIDTH = 100;

const DAY = 86_400_000;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: PlainDate, to: PlainDate): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** "+14 days", "-7 days", "+1 day". */
export const signedDays = (days: number): string =>
  `${days > 0 ? '+' : ''}${days} day${Math.abs(days) === 1 ? '' : 's'}`;

/** Shekels from agorot, the way people write them: "₪12,500", "₪1.4M". */
export function shekels(agorot: number): string {
  const value = agorot / 100;
  if (value >= 1_000_000) return `₪${(value / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
  return `₪${value.toLocaleString('en-US')}`;
}

/** A date without its year, for lists within one year: "02-16". */
export const monthDay = (date: string): string => date.slice(5);

/** Columns padded to the given widths; the last column is left as it is. */
export function columns(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i] ?? 0) : cell)).join('');
}

/** `text` wrapped at word boundaries to `WIDTH`, the first line after `first`, the rest after `rest`. */
export function wrap(text: string, first: string, rest = ' '.repeat(first.length)): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/)) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}
