import type { MaslulError } from '@maslul/core';

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<MaslulError> {
  try {
    await promise;
  } catch (error) {
    return error as MaslulError;
  }
  throw new Error('expected a rejection');
}
