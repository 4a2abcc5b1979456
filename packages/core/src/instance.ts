// A program instance: its public types, and how it is created, sent events, restored and
// replayed (each in src/instance/, by responsibility).
export { createInstance } from './instance/create.js';
export type {
  Actor,
  InstanceSnapshot,
  LogEntry,
  PersistedMachine,
  RuleTrace,
} from './instance/records.js';
export { replay, resend } from './instance/replay.js';
export { type Migration, restoreInstance } from './instance/restore.js';
export type {
  InstanceOptions,
  ProgramInstance,
  RoleOf,
  SendOptions,
  SendResult,
  StepIdOf,
} from './instance/types.js';
