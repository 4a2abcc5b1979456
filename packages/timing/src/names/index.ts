/**
 * `@maslul/timing/names`: the shared vocabulary of the maslul packages on its own, with no date
 * library under it: labels (`Label`, `labelIn`), instants (`Instant`, `toEpoch`) and the event
 * types of steps and items. The main entry exports the same; this entry is for code that needs
 * nothing else, such as `@maslul/export`'s Mermaid diagrams in a browser bundle.
 *
 * @packageDocumentation
 */
export {
  itemCreateType,
  itemEventType,
  spanFinishType,
  spanStartType,
  splitEventType,
  stepSkipType,
} from '../event-types.js';
export { type Instant, toEpoch } from '../instant.js';
export { type Label, labelIn } from '../label.js';
