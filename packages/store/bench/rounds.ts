// Paired rounds, as in the timing and core benches: both contenders of a ratio run in every round,
// one right after the other, so a change in load during the run (this is a 2-core virtual machine)
// lands on both sides of that round's ratio instead of on one side of the result.
import { Bench, type Task } from 'tinybench';

/** One side of a comparison: `fn` is timed; `beforeEach` prepares each call, untimed. */
export interface Contender {
  readonly name: string;
  readonly fn: () => Promise<unknown>;
  readonly beforeEach?: (() => Promise<void>) | undefined;
}

export interface RoundOptions {
  readonly rounds: number;
  /** Time per contender and round, in ms (tinybench keeps going until `iterations` too). */
  readonly time: number;
  readonly iterations: number;
}

/** The median of a few numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** A duration for people, from milliseconds: in us or ms. */
export function readable(ms: number): string {
  return ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1e3).toFixed(1)} us`;
}

/** The median latency (p50) of a task's last run, in milliseconds. */
function medianMs(task: Task): number {
  const result = task.result;
  if (!('latency' in result)) throw new Error(`Task "${task.name}" ended ${result.state}.`);
  return result.latency.p50;
}

/**
 * Warms both contenders up, then runs them `rounds` times, taking turns at going first.
 *
 * @returns each contender's p50 latency per round, in ms, round by round
 */
export async function pairedRounds(
  a: Contender,
  b: Contender,
  options: RoundOptions,
): Promise<readonly [number[], number[]]> {
  const bench = new Bench({
    time: options.time,
    iterations: options.iterations,
    warmupTime: options.time / 2,
    warmupIterations: 2,
    throws: true,
  });
  for (const contender of [a, b]) {
    const { beforeEach } = contender;
    bench.add(contender.name, contender.fn, beforeEach ? { beforeEach: () => beforeEach() } : {});
  }
  const [taskA, taskB] = bench.tasks as [Task, Task];
  await taskA.warmup();
  await taskB.warmup();
  const times: [number[], number[]] = [[], []];
  const samples = [0, 0];
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const);
    for (const side of order) {
      const task = side === 0 ? taskA : taskB;
      task.reset();
      await task.run();
      times[side].push(medianMs(task));
      samples[side] = (samples[side] ?? 0) + task.runs;
    }
  }
  [a, b].forEach((contender, side) => {
    const each = (times[side] as number[]).map(readable).join(', ');
    console.log(`# ${contender.name}: p50 by round ${each} (${samples[side]} samples)`);
  });
  return times;
}

/** The median over rounds of `over[i] / under[i]`: a throughput ratio when `over` is the baseline's time. */
export function pairedRatio(over: readonly number[], under: readonly number[]): number {
  return median(over.map((value, round) => value / (under[round] as number)));
}
