import { MaslulError } from '@maslul/core';

/** A `MaslulError` with one issue. */
export function storeError(
  code: string,
  rule: string,
  path: readonly (string | number)[],
  message: string,
): MaslulError {
  return new MaslulError([{ code, rule, path, message }]);
}

export const conflict = (id: string, expected: number, actual: number | undefined): MaslulError =>
  storeError(
    'version-conflict',
    'store.expected-version',
    ['expectedVersion'],
    actual === undefined
      ? `Instance "${id}" was written by another writer (an idempotency key it stored is the same); nothing was written: load it and send again.`
      : `Instance "${id}" is at version ${actual}, not the expected ${expected}: another writer appended first. Nothing was written; load it and send again.`,
  );

export const unknownInstance = (id: string): MaslulError =>
  storeError(
    'unknown-instance',
    'store.known-instance',
    ['id'],
    `There is no stored instance "${id}"; create it first.`,
  );

export const instanceExists = (id: string): MaslulError =>
  storeError(
    'instance-exists',
    'store.unique-instance',
    ['id'],
    `An instance "${id}" is stored already; choose another id or load it.`,
  );

export const corrupt = (path: readonly (string | number)[], message: string): MaslulError =>
  storeError('corrupt-record', 'store.readable-record', path, message);
