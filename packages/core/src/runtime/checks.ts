import { MaslulError } from '@maslul/timing';
import { checkId } from '../ids.js';
import type { Refusal } from '../refusal.js';

/** An instance id the store can keep, or a typed error naming the field. */
export function checkInstanceId(id: unknown): asserts id is string {
  checkId(id, ['id']);
}

/**
 * Whether a refusal depends on the instance's state (a newer stored state could take the event):
 * not for a bad actor, instant, id or event type, a missing role, or a step's payload that fails
 * its schema, which are judged before anything the instance holds.
 */
export function judgedOnState(refusal: Refusal): boolean {
  switch (refusal.code) {
    case 'unknown-event':
    case 'forbidden':
    case 'invalid-instant':
    case 'future-event':
    case 'before-start':
    case 'invalid-id':
    case 'invalid-actor':
      return false;
    case 'invalid-payload':
      // An item's payload is parsed after its state is checked; a step's before its track.
      return refusal.issues[0]?.step === undefined;
    default:
      return true;
  }
}

export function unknownInstance(id: string): MaslulError {
  return new MaslulError([
    {
      code: 'unknown-instance',
      path: ['id'],
      rule: 'store.known-instance',
      message: `There is no stored instance "${id}"; create it first.`,
    },
  ]);
}
