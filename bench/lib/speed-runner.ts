/**
 * Times the contenders over the pages, interleaved: each page goes to every contender in turn
 * (starting with a different one each page), so a burst of load from elsewhere on a shared machine
 * slows all contenders alike instead of whichever happened to be running.
 */
import { performance, PerformanceObserver, constants as perfConstants, type PerformanceEntry } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describeError, type Contender } from './speed-contenders.js';
import type { BenchPage } from './speed-pages.js';
import { summarise, type TimingSummary } from './speed-stats.js';

export interface ContenderResult {
  name: string;
  sampleEvery: number;
  summary: TimingSummary;
  /** Error kinds (name and code, or first message line) with how many pages raised each. */
  errorKinds: Map<string, number>;
  /** Garbage collection that started during the contender's timed calls, minor (scavenges) and major, ms. */
  gcMinorMs: number;
  gcMajorMs: number;
}

/**
 * Garbage collections seen while timing (Node's `gc` performance entries), each charged to the timed call, of one
 * of `owners` contenders (numbered from 0), during which it started: a collection is paid by whoever is running when the heap fills.
 */
class CollectionLog {
  private readonly entries: PerformanceEntry[] = [];
  private readonly observer = new PerformanceObserver((list) => this.entries.push(...list.getEntries()));
  /** Timed calls in the order they ran: start, end, owner. */
  private readonly spans: number[] = [];

  constructor(private readonly owners: number) {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  span(start: number, end: number, owner: number): void {
    this.spans.push(start, end, owner);
  }

  /** Stops observing and returns each owner's minor and major collection time, ms. */
  charged(): { minorMs: number; majorMs: number }[] {
    this.entries.push(...this.observer.takeRecords());
    this.observer.disconnect();
    const totals = Array.from({ length: this.owners }, () => ({ minorMs: 0, majorMs: 0 }));
    const entries = [...this.entries].sort((a, b) => a.startTime - b.startTime);
    // Spans run one after another, so both lists are in time order: one sweep matches them.
    let s = 0;
    for (const entry of entries) {
      while (s < this.spans.length && this.spans[s + 1]! <= entry.startTime) s += 3;
      if (s >= this.spans.length || entry.startTime < this.spans[s]!) continue;
      const total = totals[this.spans[s + 2]!]!;
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (kind === perfConstants.NODE_PERFORMANCE_GC_MINOR) total.minorMs += entry.duration;
      else total.majorMs += entry.duration;
    }
    return totals;
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

interface Outcome {
  /** When the call started (performance.now()). */
  start: number;
  ms: number;
  result: unknown;
  /** `undefined` when the run succeeded. */
  error: unknown;
}

/** Runs the contender on one page and returns the result, or the error it threw. */
async function runOnce(contender: Contender, page: BenchPage): Promise<Outcome> {
  const start = performance.now();
  try {
    let result = contender.run(page);
    // Sync contenders are not awaited, so no microtask hop is charged to them.
    if (isThenable(result)) result = await result;
    return { start, ms: performance.now() - start, result, error: undefined };
  } catch (error) {
    return { start, ms: performance.now() - start, result: undefined, error: error ?? new Error('thrown undefined') };
  }
}

/**
 * Lets the event loop turn (timers, immediates, I/O callbacks), untimed. The timing loop otherwise runs
 * from one microtask to the next, and whatever a contender leaves to a later turn never runs: jsdom
 * releases a closed window's resources that way, and 60 pages left 295 MB of windows alive (70 MB with a
 * turn after each). Hundreds of megabytes of dead windows make every major collection slow, and the
 * contenders that allocate most pay for it: in some full runs every linkedom-based row ran two to four
 * times slow.
 */
export function turnEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Whether a contender that times every n-th page times the page at this index. */
export function isSampled(pageIndex: number, every: number): boolean {
  return every <= 1 || pageIndex % every === 0;
}

/** Calls V8's collector (exposing it if the process was started without --expose-gc). */
export function collectGarbage(): void {
  const global = globalThis as { gc?: () => void };
  if (typeof global.gc !== 'function') {
    setFlagsFromString('--expose-gc');
    global.gc = runInNewContext('gc') as () => void;
  }
  global.gc?.();
}

class Recorder {
  readonly times: number[] = [];
  gcMinorMs = 0;
  gcMajorMs = 0;
  readonly errorKinds = new Map<string, number>();
  errors = 0;
  bytes = 0;

  constructor(readonly contender: Contender) {}

  record(page: BenchPage, outcome: Outcome): void {
    this.times.push(outcome.ms);
    this.bytes += page.bytes;
    if (outcome.error === undefined) {
      this.contender.observe?.(outcome.result);
      return;
    }
    this.errors++;
    const kind = describeError(outcome.error);
    this.errorKinds.set(kind, (this.errorKinds.get(kind) ?? 0) + 1);
  }

  result(): ContenderResult {
    const { name, sampleEvery } = this.contender;
    return {
      name,
      sampleEvery,
      summary: summarise(this.times, this.errors, this.bytes),
      errorKinds: this.errorKinds,
      gcMinorMs: this.gcMinorMs,
      gcMajorMs: this.gcMajorMs,
    };
  }
}

export interface TimingOptions {
  /** Collect garbage (untimed) before every timed call, so no contender pays for the previous one's garbage. */
  gcBetween?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** A warm-up pass over `warmupPages` for every contender, then the timed, interleaved pass over `pages`. */
export async function timeContenders(
  contenders: readonly Contender[],
  pages: readonly BenchPage[],
  warmupPages: readonly BenchPage[],
  options: TimingOptions = {},
): Promise<ContenderResult[]> {
  const { gcBetween = false, onProgress } = options;
  for (const contender of contenders) {
    for (const page of warmupPages) {
      await runOnce(contender, page);
      await turnEventLoop();
    }
  }
  collectGarbage();
  const recorders = contenders.map((contender) => new Recorder(contender));
  const collections = new CollectionLog(recorders.length);
  for (const [pageIndex, page] of pages.entries()) {
    for (let k = 0; k < recorders.length; k++) {
      const owner = (pageIndex + k) % recorders.length;
      const recorder = recorders[owner];
      if (recorder === undefined || !isSampled(pageIndex, recorder.contender.sampleEvery)) continue;
      if (gcBetween) collectGarbage();
      const outcome = await runOnce(recorder.contender, page);
      collections.span(outcome.start, outcome.start + outcome.ms, owner);
      recorder.record(page, outcome);
    }
    await turnEventLoop();
    onProgress?.(pageIndex + 1, pages.length);
  }
  collections.charged().forEach((charged, k) => {
    const recorder = recorders[k]!;
    recorder.gcMinorMs = charged.minorMs;
    recorder.gcMajorMs = charged.majorMs;
  });
  return recorders.map((recorder) => recorder.result());
}
