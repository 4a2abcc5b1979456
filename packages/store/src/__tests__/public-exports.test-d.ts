// Written by scripts/public-exports/generate.mjs: the public API of @maslul/store, pinned. Do
// not edit by hand; change the index, run `npm run public-exports`, and review this diff.
import { expectTypeOf, test } from 'vitest';

// @maslul/store
import type * as entry0 from '../index.js';

test('@maslul/store exports exactly these values', () => {
  expectTypeOf<keyof typeof entry0>().toEqualTypeOf<
    | 'SCHEMA_VERSION'
    | 'actingDelivery'
    | 'createMemoryStore'
    | 'createSqlStore'
    | 'createTimerWorker'
  >();
});

test('@maslul/store exports these types', () => {
  type Named = [
    entry0.ActOutcome,
    entry0.ActingDeliveryOptions,
    entry0.DueTimer,
    entry0.MaslulStore,
    entry0.SqlClient,
    entry0.TimerDelivery,
    entry0.TimerState,
    entry0.TimerStore,
    entry0.TimerWorker,
    entry0.TimerWorkerOptions,
  ];
  expectTypeOf<Named>().not.toBeNever();
});

// @maslul/store/pglite
import type * as entry1 from '../pglite/index.js';

test('@maslul/store/pglite exports exactly these values', () => {
  expectTypeOf<keyof typeof entry1>().toEqualTypeOf<
    'createPGliteStore' | 'lockPGliteFolder' | 'pgliteClient'
  >();
});

test('@maslul/store/pglite exports these types', () => {
  type Named = [entry1.FolderLock];
  expectTypeOf<Named>().not.toBeNever();
});

// @maslul/store/postgres
import type * as entry2 from '../postgres/index.js';

test('@maslul/store/postgres exports exactly these values', () => {
  expectTypeOf<keyof typeof entry2>().toEqualTypeOf<'createPostgresStore' | 'pgClient'>();
});
