// Written by scripts/public-exports/generate.mjs: the public API of @maslul/react, pinned. Do
// not edit by hand; change the index, run `npm run public-exports`, and review this diff.
import { expectTypeOf, test } from 'vitest';

// biome-ignore lint/suspicious/noExplicitAny: a generic type is named with any arguments.
type Some = any;

// @maslul/react
import type * as entry0 from '../index.js';

test('@maslul/react exports exactly these values', () => {
  expectTypeOf<keyof typeof entry0>().toEqualTypeOf<
    | 'MaslulProvider'
    | 'httpSource'
    | 'localSource'
    | 'matches'
    | 'useHistory'
    | 'useInstance'
    | 'useSchedule'
    | 'useSelector'
    | 'useSend'
  >();
});

test('@maslul/react exports these types', () => {
  type Named = [
    entry0.FetchLike,
    entry0.HttpSourceOptions,
    entry0.InstanceState,
    entry0.Instant,
    entry0.LocalSource,
    entry0.LocalSourceOptions,
    entry0.MaslulProviderProps,
    entry0.MaslulQueryOptions<Some>,
    entry0.MaslulSource,
    entry0.ReadOptions,
    entry0.ScheduleState,
    entry0.SendOutcome,
    entry0.SourceSendOptions,
    entry0.StateValue,
    entry0.UseScheduleOptions,
    entry0.UseSendResult,
  ];
  expectTypeOf<Named>().not.toBeNever();
});
