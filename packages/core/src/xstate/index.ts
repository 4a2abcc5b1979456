/**
 * `@maslul/core/xstate`: a program as a plain XState v5 machine, for tools that want one
 * (`createActor`, `xstate/graph`, the inspector, a statechart drawing). Instances do not need
 * it: they step their state themselves, so the main entry loads no XState (about 12 ms of a
 * cold start in Node) and a browser bundle of a program ships none.
 *
 * @packageDocumentation
 */

export { compile, type ProgramMachine } from '../compile.js';
