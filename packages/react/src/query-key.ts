import type { Program } from '@maslul/core';
import type { MaslulSource } from './source.js';

// The TanStack Query keys of maslul's reads: `['maslul', <source>, <instance id>, <read>...]`.
// Two providers over two sources may share one query client, so each source gets a number.

const numbers = new WeakMap<object, number>();
let last = 0;

const numberOf = (source: MaslulSource<Program>): number => {
  let n = numbers.get(source);
  if (n === undefined) {
    last += 1;
    n = last;
    numbers.set(source, n);
  }
  return n;
};

/** The key every query of one instance through one source starts with. */
export const instanceKey = (source: MaslulSource<Program>, id: string) =>
  ['maslul', numberOf(source), id] as const;
