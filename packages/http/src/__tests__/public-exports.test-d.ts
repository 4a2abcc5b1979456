// Written by scripts/public-exports/generate.mjs: the public API of @maslul/http, pinned. Do
// not edit by hand; change the index, run `npm run public-exports`, and review this diff.
import { expectTypeOf, test } from 'vitest';

// @maslul/http
import type * as entry0 from '../index.js';

test('@maslul/http exports exactly these values', () => {
  expectTypeOf<keyof typeof entry0>().toEqualTypeOf<
    | 'DEFAULT_MAX_BODY_BYTES'
    | 'createHttpApp'
    | 'errorBodySchema'
    | 'eventBodySchema'
    | 'httpIssueSchema'
    | 'httpStatusOf'
  >();
});

test('@maslul/http exports these types', () => {
  type Named = [
    entry0.Authenticate,
    entry0.CalendarExport,
    entry0.HttpAppOptions,
    entry0.HttpEnv,
    entry0.HttpErrorBody,
    entry0.HttpIssue,
    entry0.ReportError,
  ];
  expectTypeOf<Named>().not.toBeNever();
});
