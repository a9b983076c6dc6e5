/**
 * Scaling figures: how extraction time and memory grow with page size, on the invented page of
 * speed-synthetic.ts repeated 1×, 10×, 100× (and 1000× in a full run), as HTML and as plain text.
 * Targets: a page 10 times bigger takes at most 12 times longer; peak memory stays under 10 times the input.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { NewsprintBuild, NewsprintModule } from './speed-contenders.js';
import type { MemoryMeasurement } from './speed-memory-child.js';
import { REPO_ROOT } from './speed-pages.js';
import { median } from './speed-stats.js';
import { scalingInput, type ScalingFormat } from './speed-synthetic.js';

const execFileAsync = promisify(execFile);

/** Allowed growth of time when the page grows tenfold: linear plus a margin for cache effects. */
export const MAX_TIME_RATIO_PER_TENFOLD = 12;
/** Allowed peak memory, as a multiple of the input's size in bytes. */
export const MAX_PEAK_MEMORY_PER_INPUT_BYTE = 10;
/** Below this input size the process's fixed costs (a megabyte of young generation) swamp the page's own: no verdict. */
export const MEMORY_VERDICT_MIN_INPUT_BYTES = 100_000;

/**
 * Time growth against the allowance: the chrome around the body does not repeat, so a page with ten
 * times the body is less than ten times bigger; the allowance scales with the actual size ratio.
 * 1 or less meets the target.
 */
export function timeGrowthAgainstTarget(timeRatio: number, sizeRatio: number): number {
  return timeRatio / ((sizeRatio * MAX_TIME_RATIO_PER_TENFOLD) / 10);
}

/**
 * Timed runs per size: enough for a stable median, fewer for the big pages that take longer. Nine at 1000×:
 * with five, one burst of load from elsewhere on a shared machine moved the median by half.
 */
const RUNS_BY_REPEAT: ReadonlyMap<number, number> = new Map([
  [1, 200],
  [10, 60],
  [100, 25],
  [1000, 9],
]);
const DEFAULT_RUNS = 5;
/** Untimed runs before timing each size, so the JIT has compiled the paths that size takes. */
const WARM_UP_RUNS = 3;

export interface ScalingRow {
  repeat: number;
  inputBytes: number;
  medianMs: number;
  /** Time ÷ time of the size ten times smaller; `null` for the smallest. */
  timeRatio: number | null;
  /** Input bytes ÷ input bytes of the size ten times smaller; `null` for the smallest. */
  sizeRatio: number | null;
  /** From a fresh child process; a string when the measurement failed. */
  memory: MemoryMeasurement | string;
}

async function measureMemory(build: NewsprintBuild, repeat: number, format: ScalingFormat): Promise<MemoryMeasurement | string> {
  const child = join(REPO_ROOT, 'bench', 'lib', 'speed-memory-child.ts');
  try {
    const { stdout } = await execFileAsync(
      process.execPath,
      ['--expose-gc', '--max-semi-space-size=1', '--import', 'tsx', child, build.entry, String(repeat), format],
      { cwd: REPO_ROOT, maxBuffer: 1 << 20 },
    );
    return JSON.parse(stdout.trim()) as MemoryMeasurement;
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    return `memory child failed: ${typeof stderr === 'string' && stderr.length > 0 ? stderr.trim().split('\n')[0] : String(error)}`;
  }
}

/**
 * The order of the timed runs, as indexes into the sizes: as many rounds as the size with the most runs has runs,
 * each size running in every n-th round, n = those rounds ÷ its runs, so every size's runs are spread over the whole
 * timing and a burst of load from elsewhere lands on all sizes alike. Within a round the sizes run in the order
 * given, smallest first as the bench lists them: what the biggest page leaves for the collector falls on the rounds
 * after it, where the smallest pages run alone or with one bigger page, so only some of each size's runs meet it.
 */
export function scalingSchedule(runs: readonly number[]): number[] {
  const rounds = Math.max(0, ...runs);
  const order: number[] = [];
  for (let round = 0; round < rounds; round++) {
    runs.forEach((n, k) => {
      // Run j (0 … n-1) of this size falls in round ⌊j·rounds/n⌋: the first run not before this round is
      // j = ⌈round·n/rounds⌉, and it runs here when its round is this one.
      if (n > 0 && Math.floor((Math.ceil((round * n) / rounds) * rounds) / n) === round) order.push(k);
    });
  }
  return order;
}

/**
 * Every size warmed up first, then timed in the order {@link scalingSchedule} gives. Timed one size after the other,
 * one text run read 14.7 ms at 100× where others read 18 to 27, and its 100× → 1000× ratio went over the allowance
 * on that alone; timed in rounds of one run per size, each size dropping out once it had its runs, the 100× page's
 * last 16 runs fell within about 0.2 s, and one text run read 14.0 ms at 100× where three others read 8.7 to 9.9.
 */
export async function measureScaling(
  newsprint: NewsprintModule,
  build: NewsprintBuild,
  repeats: readonly number[],
  format: ScalingFormat = 'html',
): Promise<ScalingRow[]> {
  const pages = repeats.map((repeat) => scalingInput(format, repeat));
  for (const page of pages) for (let i = 0; i < WARM_UP_RUNS; i++) newsprint.extract(page, { format });
  const times = repeats.map(() => [] as number[]);
  for (const k of scalingSchedule(repeats.map((repeat) => RUNS_BY_REPEAT.get(repeat) ?? DEFAULT_RUNS))) {
    const start = performance.now();
    newsprint.extract(pages[k]!, { format });
    times[k]!.push(performance.now() - start);
  }
  const rows: ScalingRow[] = [];
  for (const [k, repeat] of repeats.entries()) {
    const medianMs = median(times[k]!);
    const smaller = rows.find((row) => row.repeat * 10 === repeat);
    const inputBytes = Buffer.byteLength(pages[k]!, 'utf8');
    rows.push({
      repeat,
      inputBytes,
      medianMs,
      timeRatio: smaller === undefined ? null : medianMs / smaller.medianMs,
      sizeRatio: smaller === undefined ? null : inputBytes / smaller.inputBytes,
      memory: await measureMemory(build, repeat, format),
    });
  }
  return rows;
}
