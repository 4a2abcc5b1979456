import { MaslulError } from '@maslul/timing';
import type { ItemDefinition } from '../item.js';
import { upgradeItems } from '../item-records.js';
import type { Program } from '../program.js';
import { instanceFrom } from './instance-from.js';
import type { InstanceSnapshot, PersistedMachine } from './records.js';
import type { InstanceOptions, ProgramInstance } from './types.js';

/**
 * A function that brings a snapshot of an older program version up to this one.
 *
 * @example
 * ```ts
 * import type { Migration } from '@maslul/core';
 *
 * const v1to2: Migration = (snapshot) => ({ ...snapshot, program: { ...snapshot.program, version: 2 } });
 * ```
 * @category Runtime
 */
export type Migration = (snapshot: InstanceSnapshot) => InstanceSnapshot;

/** A stored machine state in today's shape: item event records of every date become counts. */
function upgradeMachine(program: Program, machine: PersistedMachine): PersistedMachine {
  const { items } = machine.context;
  if (typeof items !== 'object' || items === null) return machine;
  const kinds = program.items as Record<string, ItemDefinition>;
  const upgraded = upgradeItems(
    items,
    (kind, event) => kinds[kind]?.events[event]?.planned?.repeat?.count,
  );
  return upgraded === items
    ? machine
    : { ...machine, context: { ...machine.context, items: upgraded } };
}

/**
 * Loads an instance from a stored snapshot. A snapshot of another program, or of another
 * version without a migration for it, is refused clearly.
 *
 * @param program - the program it runs
 * @param snapshot - the stored snapshot
 * @param options - the instance options, and migrations by the version they start from
 * @returns the instance
 * @throws MaslulError `wrong-program`, `version-mismatch` or `invalid-snapshot`
 *
 * @example
 * ```ts
 * import { createInstance, createManualClock, defineProgram, restoreInstance } from '@maslul/core';
 *
 * const program = defineProgram('demo', { version: 1, label: 'Demo' })
 *   .roles({ manager: { label: 'Manager' } })
 *   .track('main', 'Main', (t) => t.milestone('kickoff', { label: 'Kickoff', by: ['manager'] }))
 *   .build();
 * const options = { start: '2027-01-04', clock: createManualClock('2027-01-04T09:00:00Z') } as const;
 * const saved = JSON.stringify(createInstance(program, options).snapshot());
 * const again = restoreInstance(program, JSON.parse(saved), options);
 * ```
 * @category Runtime
 */
export function restoreInstance<P extends Program>(
  program: P,
  snapshot: InstanceSnapshot,
  options: InstanceOptions & {
    readonly migrations?: { readonly [fromVersion: number]: Migration } | undefined;
  },
): ProgramInstance<P> {
  let current = snapshot;
  if (current?.program?.id !== program.id) {
    throw new MaslulError([
      {
        code: 'wrong-program',
        path: ['program', 'id'],
        rule: 'core.snapshot-program',
        message: `The snapshot is of program ${JSON.stringify(current?.program?.id)}, not "${program.id}".`,
      },
    ]);
  }
  while (current.program.version !== program.version) {
    const from = current.program.version;
    const migrate = options.migrations?.[from];
    if (!migrate || from > program.version) {
      throw new MaslulError([
        {
          code: 'version-mismatch',
          path: ['program', 'version'],
          rule: 'core.snapshot-version',
          message:
            from > program.version
              ? `The snapshot runs version ${from} of "${program.id}", newer than this code's version ${program.version}: run it with version ${from} or later (a snapshot is never migrated back).`
              : `The snapshot runs version ${from} of "${program.id}", and this is version ${program.version}; pass a migration from version ${from} in options.migrations.`,
        },
      ]);
    }
    current = migrate(current);
    const to = current?.program?.version;
    // A migration must move the snapshot forward, or the loop would call it forever.
    if (typeof to !== 'number' || to <= from || to > program.version) {
      throw new MaslulError([
        {
          code: 'version-mismatch',
          path: ['migrations', from],
          rule: 'core.migration-advances',
          message: `The migration from version ${from} of "${program.id}" returned a snapshot of version ${JSON.stringify(to)}; it must return one of a later version, up to ${program.version} (set program.version in the snapshot it returns).`,
        },
      ]);
    }
  }
  if (
    typeof current.seq !== 'number' ||
    typeof current.machine?.context !== 'object' ||
    current.machine.value === undefined
  ) {
    throw new MaslulError([
      {
        code: 'invalid-snapshot',
        path: [],
        rule: 'core.snapshot-shape',
        message: 'The snapshot lacks seq or its machine state; it is not an instance snapshot.',
      },
    ]);
  }
  return instanceFrom(
    program,
    { ...options, start: current.start },
    {
      saved: upgradeMachine(program, current.machine),
      seq: current.seq,
      keys: { ...current.keys },
    },
  );
}
