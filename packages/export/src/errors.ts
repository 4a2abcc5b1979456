import { MaslulError } from '@maslul/timing';

/** A `MaslulError` with one issue about the export's input. */
export function exportError(issue: {
  readonly code: string;
  readonly rule: string;
  readonly path: readonly (string | number)[];
  readonly step?: string | undefined;
  readonly message: string;
}): MaslulError {
  return new MaslulError([issue]);
}
