// The durable runtime over a store: its public types and createRuntime (in src/runtime/: the
// cache, the per-instance queue, loading, sending and the deadline changes, by responsibility).
export { createRuntime } from './runtime/create-runtime.js';
export type { InstanceView, Runtime, RuntimeOptions } from './runtime/types.js';
