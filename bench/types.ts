import type { Backend, Database } from '../src/db/client.ts';

/** What every benchmark gets: a migrated database with the reference data, made for this run. */
export interface BenchContext {
  database: Database;
  backend: Backend;
  /** a line of progress on stderr, so stdout stays the table and the JSON line */
  log(line: string): void;
}

/**
 * One figure. `baseline` is the physical limit measured in the same run on the same machine; `ratio` is
 * value ÷ baseline for rates and baseline ÷ value for times and sizes, so that 1.0 is always the limit.
 */
export interface Result {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  [extra: string]: unknown;
}

export interface Benchmark {
  name: string;
  run(ctx: BenchContext): Promise<Result[]>;
}

/** Whether a larger value is better (a rate) or a smaller one (a time, a size). */
export type Direction = 'higher' | 'lower';

export function result(
  name: string,
  value: number,
  unit: string,
  baseline: number,
  direction: Direction,
  extra: Record<string, unknown> = {},
): Result {
  const ratio = direction === 'higher' ? value / baseline : baseline / value;
  return {
    name,
    value: round(value),
    unit,
    baseline: round(baseline),
    ratio: Number.isFinite(ratio) ? Math.round(ratio * 100) / 100 : 0,
    ...extra,
  };
}

/** Three significant figures at most, whole numbers from 100 up. */
export function round(x: number): number {
  if (!Number.isFinite(x)) return 0;
  if (Math.abs(x) >= 100) return Math.round(x);
  return Number(x.toPrecision(3));
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile of unsorted values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median wall time of `runs` calls after `warmup` unmeasured ones, with the last call's value. */
export async function timeMedian<T>(
  fn: () => Promise<T>,
  opts: { runs?: number; warmup?: number } = {},
): Promise<{ medianMs: number; timesMs: number[]; last: T }> {
  const runs = opts.runs ?? 5;
  const warmup = opts.warmup ?? 1;
  let last: T | undefined;
  for (let i = 0; i < warmup; i++) last = await fn();
  const timesMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    last = await fn();
    timesMs.push(elapsedMs(start));
  }
  return { medianMs: median(timesMs), timesMs: timesMs.map(round), last: last as T };
}
