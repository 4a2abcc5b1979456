// Compile-time checks of a definition's literals: what `build()` would refuse at run time
// (`core.id`, `core.series-count`), refused by the types first, with the rule as the message.
// A widened `string` (an id or RRULE read from configuration) passes: `build()` still checks it.

type Lower =
  | 'a'
  | 'b'
  | 'c'
  | 'd'
  | 'e'
  | 'f'
  | 'g'
  | 'h'
  | 'i'
  | 'j'
  | 'k'
  | 'l'
  | 'm'
  | 'n'
  | 'o'
  | 'p'
  | 'q'
  | 'r'
  | 's'
  | 't'
  | 'u'
  | 'v'
  | 'w'
  | 'x'
  | 'y'
  | 'z';
type Letter = Lower | Uppercase<Lower>;
type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
type IdChar = Letter | Digit | '_' | '-';

/** True when every character of `S` may follow an id's first letter. */
type RestOfId<S extends string> = S extends ''
  ? true
  : S extends `${IdChar}${infer Rest}`
    ? RestOfId<Rest>
    : false;

/**
 * `S` itself when it is an id (a letter, then letters, digits, `_` and `-`: ids name states and
 * events), else a message type that the argument cannot match, so the compiler's error says why.
 */
export type ValidId<S extends string, What extends string> = string extends S
  ? S
  : S extends `${Letter}${infer Rest}`
    ? RestOfId<Rest> extends true
      ? S
      : `✗ the ${What} id "${S}" may hold only letters, digits, "_" and "-"`
    : `✗ the ${What} id "${S}" must start with a letter`;

/** `S` when it is a new, valid step id; a message when the program has it already or it is not an id. */
export type NewStepId<S extends string, Taken> = S extends keyof Taken
  ? `✗ the program has a step or item "${S}" already`
  : ValidId<S, 'step'>;

/**
 * A series' RRULE (`rrule('...')` of `@maslul/timing/rrule`) as given when it says how many
 * occurrences there are (`COUNT=n`): an unbounded series never ends, so the runtime could never
 * call it done. A cadence `{ every, count }` passes as it is.
 */
export type BoundedRule<R> = R extends {
  readonly rrule: infer T extends string;
  readonly reader: unknown;
}
  ? string extends T
    ? R
    : Uppercase<T> extends `${string}COUNT=${Digit}${string}`
      ? R
      : `✗ the RRULE "${T}" needs COUNT=n: a series must end`
  : R;

/** One round of reaching: the states reached so far, and every move's target from one of them. */
type ReachOnce<Reached extends string, Moves> =
  | Reached
  | (Moves extends { readonly from: infer From; readonly to: infer To extends string }
      ? [From & Reached] extends [never]
        ? never
        : To
      : never);

/** The states an item reaches from `First` through `Moves` (its events' from and to). */
type Reach<Reached extends string, Moves> =
  ReachOnce<Reached, Moves> extends infer Next extends string
    ? [Exclude<Next, Reached>] extends [never]
      ? Reached
      : Reach<Next, Moves>
    : Reached;

/**
 * Nothing more when every state of an item kind is reached from its first through its events;
 * else a property no builder has, named for the states no event reaches
 * (`core.item-reachable`), so the kind's build callback does not compile and says which.
 */
export type ReachCheck<First extends string, State extends string, Moves> = [
  Exclude<State, Reach<First, Moves>>,
] extends [never]
  ? unknown
  : {
      readonly [K in `✗ no event reaches the state "${Exclude<State, Reach<First, Moves>>}"`]: true;
    };
